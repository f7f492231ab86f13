// Every command, registered on the program in the order `--help` lists them.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerMaintenance } from './maintenance.js';
import { registerManual } from './manual.js';
import { registerMapping } from './mapping.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerInit(program, ctx);
  registerImport(program, ctx);
  registerMapping(program, ctx);
  registerManual(program, ctx);
  registerReport(program, ctx);
  registerRun(program, ctx);
  registerRuns(program, ctx);
  registerExport(program, ctx);
  registerMaintenance(program, ctx);
  registerDemo(program, ctx);
}
