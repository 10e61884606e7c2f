import type { Command } from '../command.ts';
import { validateCommand } from './validate.ts';

/** Every `herald` command, in the order `herald --help` lists them. */
export const commands: Command[] = [validateCommand];
