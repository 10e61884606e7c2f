import { parseArgs } from 'node:util';
import { formatProblem, type HeraldConfig, loadConfig } from '@herald/config';
import { type Command, UsageError } from '../command.ts';
import { commandConfigFile } from '../load-config.ts';

const help = `Usage: herald validate [file] [--config <file>] [--json]

Checks a config file without connecting to anything: YAML syntax, \${VAR} substitution,
every key against the schema, and the cross-checks (each \`to:\` account exists, feed ids
are unique, an account that posts has an instance and a token, GitHub repos have a webhook
secret). Lists every problem with its line, and never prints a secret.

The file is the [file] argument, else --config <file>, else $HERALD_CONFIG, else
./herald.yaml. The environment is read as \`herald start\` reads it (\${VAR} values,
HERALD_PORT, HERALD_REDIS_URL), so run it with the same environment.

Output:
  ok: <file> (N accounts, N feeds, N GitHub repos)      when valid (exit 0)
  <file>:<line>: <path>: <message>                      one line per problem (exit 1)

Options:
  --config <file>  the config file (same as the [file] argument)
  --json           print {"ok": bool, "file": "...", "problems": [{path, line, column, message}]}
  -h, --help       show this help

Exit status: 0 valid, 1 invalid or unreadable, 2 bad usage.

Examples:
  herald validate
  herald validate herald.example.yaml
  HERALD_CONFIG=/etc/herald/herald.yaml herald validate --json`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a config file and list every problem with its line',
  help,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { config: { type: 'string' }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw new UsageError('expected at most one config file');
    if (positionals.length === 1 && values.config !== undefined) {
      throw new UsageError('give the file either as an argument or with --config, not both');
    }
    const { path, display } = commandConfigFile(positionals[0] ?? values.config, io);
    const result = await loadConfig({ path, env: io.env });

    if (values.json) {
      const problems = result.ok ? [] : result.problems;
      io.stdout(`${JSON.stringify({ ok: result.ok, file: display, problems })}\n`);
    } else if (result.ok) {
      io.stdout(`ok: ${display} (${summary(result.config)})\n`);
    } else {
      io.stdout(`${result.problems.map((p) => formatProblem(display, p)).join('\n')}\n`);
    }
    return result.ok ? 0 : 1;
  },
};

function summary(config: Readonly<HeraldConfig>): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [
    count(Object.keys(config.accounts).length, 'account'),
    count(config.feeds.length, 'feed'),
    count(config.github?.repos.length ?? 0, 'GitHub repo'),
  ].join(', ');
}
