import { isAbsolute, relative } from 'node:path';
import { formatProblem, type HeraldConfig, loadConfig, resolveConfigPath } from '@herald/config';
import type { CommandIo } from './command.ts';

/** The config file a command uses: absolute `path` to read, `display` to print. */
export function commandConfigFile(
  flag: string | undefined,
  io: Pick<CommandIo, 'env' | 'cwd'>,
): { path: string; display: string } {
  const path = resolveConfigPath({ flag, env: io.env, cwd: io.cwd });
  const fromCwd = relative(io.cwd, path);
  // Paths under the working directory print relative, as the user most likely typed them.
  const display = fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
  return { path, display };
}

/**
 * Loads the config for a command (`--config` > HERALD_CONFIG > ./herald.yaml). On problems,
 * prints each as `<file>:<line>: <path>: <message>` on stderr and returns undefined.
 */
export async function loadCommandConfig(
  flag: string | undefined,
  io: Pick<CommandIo, 'env' | 'cwd' | 'stderr'>,
): Promise<Readonly<HeraldConfig> | undefined> {
  const { path, display } = commandConfigFile(flag, io);
  const result = await loadConfig({ path, env: io.env });
  if (result.ok) return result.config;
  const lines = result.problems.map((problem) => formatProblem(display, problem));
  io.stderr(`herald: invalid configuration\n${lines.join('\n')}\n`);
  return undefined;
}
