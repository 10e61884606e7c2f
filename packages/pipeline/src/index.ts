export type { Collaborators } from './collaborators.ts';
export { createFormatProcessor, type FormatDeps, type FormatResult } from './format-processor.ts';
export {
  ROLES,
  type Role,
  type RoleContext,
  type RunningHerald,
  type StartOptions,
  startHerald,
} from './herald.ts';
export { createQueues, type QueueSet } from './queues.ts';
