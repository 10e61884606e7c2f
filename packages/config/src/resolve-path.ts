import { resolve } from 'node:path';

export interface ResolveConfigPathOptions {
  /** The `--config <file>` flag (or a command's file argument), when given. */
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths resolve against this directory. */
  cwd: string;
}

/** The config file to read: `--config <file>` > `HERALD_CONFIG` > `./herald.yaml`, absolute. */
export function resolveConfigPath({ flag, env, cwd }: ResolveConfigPathOptions): string {
  // An empty value (e.g. `HERALD_CONFIG=` in a compose file) means "not set".
  const chosen = flag || env.HERALD_CONFIG || 'herald.yaml';
  return resolve(cwd, chosen);
}
