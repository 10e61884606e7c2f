import { type Command, type CommandIo, UsageError } from './command.ts';
import { commands } from './commands/index.ts';

function overview(list: Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length), 8);
  return [
    'Usage: herald <command> [options]',
    '',
    'Cross-posts feeds and GitHub events to Mastodon.',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `herald <command> --help` for a command’s options.',
    '',
  ].join('\n');
}

/** Dispatches argv to a command; returns the exit code. */
export async function runCli(
  argv: string[],
  io: CommandIo,
  list: Command[] = commands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview(list));
    return name ? 0 : 2;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.stderr(`herald: unknown command "${name}"\n\n${overview(list)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`herald ${name}: ${(error as Error).message}\n\n${command.help.trimEnd()}\n`);
      return 2;
    }
    throw error;
  }
}
