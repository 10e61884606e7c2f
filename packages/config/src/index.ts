export {
  type LoadConfigOptions,
  loadConfig,
  loadConfigOrThrow,
  type ParseConfigTextOptions,
  parseConfigObject,
  parseConfigText,
  unwrapConfig,
} from './load.ts';
export type { ConfigOverrides } from './overrides.ts';
export { ConfigError, type ConfigProblem, formatPath, formatProblem } from './problems.ts';
export { type ResolveConfigPathOptions, resolveConfigPath } from './resolve-path.ts';
export { type Route, routesFor } from './routes.ts';
export {
  type AccountConfig,
  accountSchema,
  configSchema,
  type FeedConfig,
  feedSchema,
  type GithubRepoConfig,
  githubRepoSchema,
  type HeraldConfig,
  type RouteOptions,
  routeOptionsShape,
  visibilitySchema,
} from './schema.ts';
export type { LoadResult } from './validate.ts';
