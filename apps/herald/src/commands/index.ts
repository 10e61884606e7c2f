import type { Command } from '../command.ts';
import { previewCommand } from './preview.ts';
import { sandboxCommand } from './sandbox.ts';
import { startCommand } from './start.ts';
import { validateCommand } from './validate.ts';

/** Every `herald` command, in the order `herald --help` lists them. */
export const commands: Command[] = [startCommand, validateCommand, previewCommand, sandboxCommand];
