// The hand-worked practice of test/compute/practice.test.ts, this time through the real import and CLI: the store
// path must give the very numbers worked out by hand there (as-of 2026-03-01).
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, practiceWorkspace } from '../helpers/cli.js';

let ws = '';
const report = async (name: string, ...extra: string[]) =>
  JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-03-01', '--format', 'json', 'report', name, ...extra])).stdout);

beforeAll(async () => {
  ws = await practiceWorkspace();
});

describe('the hand-worked practice through the CLI', () => {
  it('sessions totals', async () => {
    expect((await report('sessions')).totals).toEqual({ authorizations: 5, ok: 0, low: 2, expiring: 1, exhausted: 1, expired: 1 });
  });

  it('aging totals (dollars)', async () => {
    expect((await report('aging')).totals).toEqual({ '0-30': 350, '31-60': 170, '61-90': 210, '91-120': 120, '121+': 200, total: 1050 });
  });

  it('alerts totals', async () => {
    expect((await report('alerts')).totals).toEqual({ alerts: 33, high: 7, medium: 26, low: 0, new: 33 });
  });

  it("unbilled alerts are keyed by the patient's ID from the store, never by the name", async () => {
    const ids = (await report('alerts')).rows.filter((r: { type: string }) => r.type === 'unbilled_session').map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(19);
    // Eli Stone (P005) has four unbilled sessions from 01/02; Cal Ito (P003) three from 02/02.
    expect(ids.filter((id: string) => id.includes(':id-P005:'))).toEqual(['2026-01-02', '2026-01-09', '2026-01-16', '2026-01-23'].map((d) => `unbilled_session:id-P005:${d}`));
    expect(ids.filter((id: string) => id.includes(':id-P003:'))).toEqual(['2026-02-02', '2026-02-09', '2026-02-16'].map((d) => `unbilled_session:id-P003:${d}`));
    expect(ids.every((id: string) => /^unbilled_session:id-P00[1-5]:2026-\d\d-\d\d$/.test(id))).toBe(true);
  });
});
