import type { Command } from '../command.ts';

/** Every `herald` command, in the order `herald --help` lists them. */
export const commands: Command[] = [];
