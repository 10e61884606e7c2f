import { parseArgs } from 'node:util';
import { createJsonLogger } from '@herald/core';
import { ROLES, type Role, startHerald } from '@herald/pipeline';
import { type Command, UsageError } from '../command.ts';
import { loadCommandConfig } from '../load-config.ts';

const help = `Usage: herald start [--role <role>]... [--config <file>]

Runs Herald's roles in this process until SIGINT/SIGTERM, then drains and exits 0.
Without --role it runs all of them (the default for a small install); docker-compose
runs each role as its own service so each can be scaled.

Roles:
  web        GitHub webhook receiver, /healthz, /readyz, /metrics, short links,
             the demo feed; listens on server.host:server.port (HERALD_PORT overrides)
  poller     polls the configured feeds on their schedules
  formatter  turns items into posts for each route
  publisher  posts to Mastodon, one queue per account

Options:
  --role <role>      run only this role (repeatable, or comma-separated)
  --config <file>    config file (else HERALD_CONFIG, else ./herald.yaml)
  -h, --help         show this help

Logs are JSON lines on stderr.`;

export const startCommand: Command = {
  name: 'start',
  summary: 'run Herald (all roles, or --role web|poller|formatter|publisher)',
  help,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { role: { type: 'string', multiple: true }, config: { type: 'string' } },
      strict: true,
    });
    const roles = parseRoles(values.role);
    const config = await loadCommandConfig(values.config, io);
    if (!config) return 1;
    const logger = createJsonLogger(io.stderr, { roles: roles.join(',') });
    const herald = await startHerald(config, { roles, logger });
    logger.info({ roles, web: herald.webUrl }, 'herald started');
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    logger.info({}, 'stopping: draining active jobs');
    await herald.close();
    logger.info({}, 'stopped');
    return 0;
  },
};

function parseRoles(values: string[] | undefined): Role[] {
  if (!values || values.length === 0) return [...ROLES];
  const roles = values.flatMap((v) => v.split(',')).map((r) => r.trim());
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`unknown role "${role}" (roles: ${ROLES.join(', ')})`);
    }
  }
  return [...new Set(roles)] as Role[];
}
