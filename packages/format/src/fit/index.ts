// Fitting a status into an instance's limit: truncation or a numbered thread.
export { type FitInput, type FittedPart, fitToLimit, type Segment } from './fit-to-limit.ts';
