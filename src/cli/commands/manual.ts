// The manual work staff do today: `sessions [update FILE...]`, `auth add|list`, `adjust balance|auth|clear`.
import path from 'node:path';
import type { Command } from 'commander';
import { fail } from '../../errors.js';
import { parseMoney } from '../../mapping/cells/parse-money.js';
import { ReportBuilder } from '../../report/build-reports.js';
import type { ManualAuthorization } from '../../store/add-authorization.js';
import { adjustAuthorization, adjustBalance, clearAdjustment } from '../../store/adjustments.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { reportFormat, resolveAsOf, withWorkspace } from '../session.js';
import { emitReport } from '../ui/emit-report.js';
import { makeStyle } from '../ui/style.js';
import { plural } from '../../text/plural.js';
import { importMany } from './import.js';

export function registerManual(program: Command, ctx: CliContext): void {
  program
    .command('sessions')
    .description('the sessions report; `sessions update FILE...` imports appointment exports first (the bi-weekly update)')
    .argument('[update]', 'the word "update", followed by the appointment exports')
    .argument('[files...]', 'appointment exports')
    .option('--patient <text>', 'only authorizations whose patient name contains this, or whose patient ID is this')
    .option('--clinician <text>', 'only authorizations whose clinician name contains this')
    .option('--payer <text>', 'only authorizations whose payer name contains this')
    .addHelpText('after', '\nExamples:\n  practice-sync sessions\n  practice-sync sessions update ~/Downloads/appointment-status-report.csv ~/Downloads/client_attendance_report.csv')
    .action(async (word: string | undefined, files: string[], flags: { patient?: string; clinician?: string; payer?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (word !== undefined && word !== 'update') fail('usage', `sessions takes "update FILE..." or nothing, got "${word}"`);
      if (word === 'update' && files.length === 0) fail('usage', 'sessions update needs at least one appointment export');
      const format = reportFormat(globals);
      const asOf = resolveAsOf(ctx, globals);
      await withWorkspace(ctx, globals, { command: word ? 'sessions update' : 'sessions', write: Boolean(word) }, async (ws) => {
        if (word) {
          // Appointment exports only: a claims or payments export imported here would be recorded as a sessions update.
          const { bestFit } = await import('../../ingest/import-order.js');
          for (const file of files) {
            const fit = bestFit(path.resolve(ctx.cwd, file), ws.mappings());
            if (fit && fit.mapping.entity !== 'appointments') {
              fail('usage', `sessions update imports appointment exports; ${path.basename(file)} is a ${fit.mapping.entity} export (${fit.mapping.name}): import it with practice-sync import`);
            }
          }
          await importMany(ctx, { ...globals, format: format === 'table' ? 'table' : 'json' }, ws, files, {}, 'sessions update');
          if (ctx.exitCode !== 0) return;
        }
        const report = new ReportBuilder({ db: ws.db, config: ws.config, asOf, filter: flags }).build('sessions');
        emitReport(ctx, report, format, makeStyle(ctx, globals), globals.out);
      });
    });

  const auth = program.command('auth').description('authorizations entered by hand (many EHRs do not export them)')
    .addHelpText('after', '\nExamples:\n  practice-sync auth add --patient P1003 --number A12345 --payer Aetna --sessions 20 --start 2026-01-01 --end 2026-03-15\n  practice-sync auth list');
  auth
    .command('add')
    .description('add or update an authorization')
    .requiredOption('--patient <id-or-name>', "the patient's ID in the PMS, or their name")
    .option('--number <auth>', 'the authorization number from the payer')
    .option('--payer <name>', 'the payer ("": none)')
    .option('--clinician <name>', 'only sessions with this clinician count ("": any clinician)')
    .requiredOption('--sessions <n>', 'authorized sessions')
    .requiredOption('--start <date>', 'first day covered, YYYY-MM-DD or MM/DD/YYYY')
    .option('--end <date>', 'last day covered (none, or "" to clear it: open-ended)')
    .option('--cpt <codes>', 'CPT codes covered, comma-separated (none, or "" to clear them: any)')
    .option('--prior-sessions <n>', 'sessions used before tracking began')
    .addHelpText('after', '\nExample:\n  practice-sync auth add --patient "Jane Doe" --number A12345 --payer Aetna --sessions 20 --start 2026-01-01 --end 2026-03-15 --cpt 90834,90837')
    .action(async (flags: ManualAuthorization, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // With the date and list cell types, which only these two commands need.
      const { addAuthorization } = await import('../../store/add-authorization.js');
      await withWorkspace(ctx, globals, { command: 'auth add', write: true }, (ws) => {
        const result = addAuthorization({ db: ws.db, attemptsFile: ws.attemptsFile, now: ctx.now }, flags);
        ws.log({ event: 'auth_add', run: result.run, authorization: result.id });
        const which = `authorization #${result.id}${flags.number ? ` (${flags.number})` : ''}`;
        ctx.stdout(result.outcome === 'unchanged'
          ? `${which} already holds these values: nothing changed (run ${result.run})\n`
          : `${result.outcome === 'created' ? 'added' : 'updated'} ${which} as run ${result.run}; undo with: practice-sync undo ${result.run}\n`);
      });
    });
  auth
    .command('list')
    .description('every authorization in the store')
    .addHelpText('after', '\nExample:\n  practice-sync auth list --format json')
    .action(async (_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = reportFormat(globals);
      const { listAuthorizations } = await import('../../store/add-authorization.js');
      await withWorkspace(ctx, globals, { command: 'auth list', write: false }, (ws) => {
        const rows = listAuthorizations(ws.db).map((r) => ({ ...r, cpt_codes: r.cpt_codes.join(' ') }));
        emitReport(ctx, {
          report: 'authorizations', asOf: resolveAsOf(ctx, globals), rows, totals: {}, notes: [],
          columns: [
            { key: 'authorization_number', kind: 'text' }, { key: 'patient', kind: 'text' }, { key: 'payer', kind: 'text' }, { key: 'clinician', kind: 'text' },
            { key: 'authorized_sessions', kind: 'integer' }, { key: 'prior_sessions', kind: 'integer' }, { key: 'start_date', kind: 'date' },
            { key: 'end_date', kind: 'date' }, { key: 'cpt_codes', kind: 'text' }, { key: 'adjustment', kind: 'integer' },
          ],
        }, format, makeStyle(ctx, globals), globals.out);
      });
    });

  const patients = program.command('patients').description('patients the store holds twice')
    .addHelpText('after', '\nExample:\n  practice-sync patients merge "Jane Doe" --into "Jane Smith"');
  patients
    .command('merge')
    .description('make two patients one: a client renamed in a PMS without IDs comes back as a new patient, with every session again')
    .argument('<patient>', "the patient to merge away: their ID in the PMS, their name as the exports spell it, or #KEY")
    .requiredOption('--into <patient>', 'the patient who stays (the name the exports use now)')
    .addHelpText('after', '\nThe same session under both patients is kept once (the copy imported last). An undoable run.\n\nExample:\n  practice-sync patients merge "Jane Doe" --into "Jane Smith"')
    .action(async (from: string, flags: { into: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { mergePatients } = await import('../../store/merge-patients.js');
      await withWorkspace(ctx, globals, { command: 'patients merge', write: true }, (ws) => {
        const result = mergePatients({ db: ws.db, attemptsFile: ws.attemptsFile, now: ctx.now }, from, flags.into);
        ws.log({ event: 'patients_merge', run: result.run, patient: result.from, into: result.into });
        const counts = (of: Record<string, number>) => Object.entries(of).filter(([, n]) => n > 0).map(([table, n]) => plural(n, table.slice(0, -1))).join(', ');
        const moved = counts(result.moved);
        const removed = counts(result.removed);
        ctx.stdout(`merged patient #${result.from} into #${result.into} as run ${result.run}: ${moved ? `moved ${moved}` : 'no records to move'}` +
          `${removed ? `; removed ${removed} that #${result.into} already held` : ''}\nundo with: practice-sync undo ${result.run}\n`);
      });
    });

  const adjust = program.command('adjust').description('manual corrections that survive later imports; each is a run you can undo')
    .addHelpText('after', '\nExamples:\n  practice-sync adjust balance P1007 --patient-portion 112.50 --reason "refund not in the export yet"\n  practice-sync adjust auth A12345 --prior-sessions 4\n  practice-sync adjust clear 2');
  adjust
    .command('balance')
    .description("replace a balance's patient and/or insurance portion until cleared")
    .argument('<account>', 'account ID (the patient ID in the PMS), or the patient\'s name where the PMS has no IDs')
    .option('--patient-portion <amount>', 'what the patient owes, e.g. 120.00')
    .option('--insurance-portion <amount>', 'what insurance owes')
    .requiredOption('--reason <text>', 'why, for whoever reads it next')
    .addHelpText('after', '\nExamples:\n  practice-sync adjust balance P1007 --patient-portion 112.50 --reason "refund of 500.00 not in the export yet"\n  practice-sync adjust balance "Jane Doe" --patient-portion 0 --reason "paid at the front desk"')
    .action(async (account: string, flags: { patientPortion?: string; insurancePortion?: string; reason: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const money = (value: string | undefined, flag: string) => {
        if (value === undefined) return null;
        const parsed = parseMoney(value.trim());
        if (!parsed.ok) fail('usage', `${flag}: "${value}" is not ${parsed.expected}`);
        return parsed.value;
      };
      const adjustment = { account, patientPortion: money(flags.patientPortion, '--patient-portion'), insurancePortion: money(flags.insurancePortion, '--insurance-portion'), reason: flags.reason };
      await withWorkspace(ctx, globals, { command: 'adjust balance', write: true }, (ws) => {
        const result = adjustBalance({ db: ws.db, attemptsFile: ws.attemptsFile, now: ctx.now }, adjustment);
        // The log names the patient by store key: the account given may be a name.
        ws.log({ event: 'adjust_balance', run: result.run, adjustment: result.id, patient: result.patientRef });
        ctx.stdout(`adjustment ${result.id} recorded for ${account} (run ${result.run}); clear it with: practice-sync adjust clear ${result.id}\n`);
      });
    });
  adjust
    .command('auth')
    .description('sessions used before tracking began, for an authorization')
    .argument('<authorization>', 'authorization number')
    .requiredOption('--prior-sessions <n>', 'sessions already used')
    .addHelpText('after', '\nExample:\n  practice-sync adjust auth A12345 --prior-sessions 4')
    .action(async (authorization: string, flags: { priorSessions: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withWorkspace(ctx, globals, { command: 'adjust auth', write: true }, (ws) => {
        const result = adjustAuthorization({ db: ws.db, attemptsFile: ws.attemptsFile, now: ctx.now }, authorization, Number(flags.priorSessions));
        ws.log({ event: 'adjust_auth', run: result.run, adjustment: result.id });
        ctx.stdout(`adjustment ${result.id}: ${flags.priorSessions} prior sessions on ${authorization} (run ${result.run})\n`);
      });
    });
  adjust
    .command('clear')
    .description('remove an adjustment: the imported value applies again')
    .argument('<id>', 'adjustment number')
    .addHelpText('after', '\nExample:\n  practice-sync adjust clear 3')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const number = Number(id);
      if (!Number.isInteger(number) || number < 1) fail('usage', `an adjustment is a number like 3, got "${id}"`);
      await withWorkspace(ctx, globals, { command: 'adjust clear', write: true }, (ws) => {
        const result = clearAdjustment({ db: ws.db, attemptsFile: ws.attemptsFile, now: ctx.now }, number);
        ws.log({ event: 'adjust_clear', run: result.run, adjustment: number });
        ctx.stdout(`adjustment ${number} cleared (run ${result.run})\n`);
      });
    });
}
