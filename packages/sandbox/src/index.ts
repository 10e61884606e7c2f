export { countStatusLength } from './length/count.ts';
export type { SandboxOptions, SimpleRateLimit } from './options.ts';
export {
  buildSandbox,
  type Sandbox,
  type SandboxAccount,
  type SandboxApp,
  type SandboxStatus,
  startSandbox,
} from './server.ts';
