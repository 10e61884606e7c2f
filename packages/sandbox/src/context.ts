import type { SandboxSettings } from './options.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SandboxState } from './state.ts';

/** What every route plugin gets: the state, the resolved options and the rate limiter. */
export interface SandboxContext {
  state: SandboxState;
  settings: SandboxSettings;
  limiter: RateLimiter;
}
