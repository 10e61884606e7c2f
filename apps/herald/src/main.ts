// The only place that touches `process`: builds the command's IO and maps signals to abort.
import { runCli } from './cli.ts';

const controller = new AbortController();
// A reader that stops early (`herald preview … | head`) is not an error: stop writing, exit quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exitCode ??= 0;
  controller.abort(error);
  process.stdout.destroy();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(new Error(signal)));
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
} catch (error) {
  process.stderr.write(`herald: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
