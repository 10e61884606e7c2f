/** What a command may touch; only main.ts builds it from `process`. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop cleanly when it fires. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for `herald --help`. */
  summary: string;
  /** Full `herald <name> --help` text. */
  help: string;
  /** Returns the exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Thrown for bad flags: main prints the message and the command's help, exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
