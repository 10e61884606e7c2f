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
