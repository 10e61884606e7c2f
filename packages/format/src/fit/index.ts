// Fitting a status into an instance's limit: truncation or a numbered thread.
export {
  type FetchInstanceLimitsOptions,
  fetchInstanceLimits,
  type InstanceLimitsSource,
} from './fetch-instance-limits.ts';
export { type FitInput, type FittedPart, fitToLimit, type Segment } from './fit-to-limit.ts';
