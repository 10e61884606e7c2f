export { buildWebApp, type WebDeps, type WebOptions } from './app.ts';
export { createMetrics, type GaugeSample, type Metrics } from './metrics.ts';
