/**
 * The logging interface every package takes; the entry point supplies the implementation
 * (pino via fastify, or a JSON-lines logger on stderr). Never pass secrets in `fields`.
 */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

/** Logs one JSON object per line to the given stream (stderr by default). */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  bindings: Record<string, unknown> = {},
): Logger {
  const log = (level: string) => (fields: Record<string, unknown>, message: string) =>
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, ...bindings, ...fields, msg: message })}\n`,
    );
  return { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
