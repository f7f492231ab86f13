// Colour only on a terminal and never with --no-color / NO_COLOR; everything else gets plain text.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliContext, GlobalOptions } from '../context.js';

export function makeStyle(ctx: CliContext, globals: GlobalOptions): ChalkInstance {
  const enabled = ctx.isTTY && globals.color !== false && !ctx.env.NO_COLOR && !globals.quiet;
  return new Chalk({ level: enabled ? 1 : 0 });
}
