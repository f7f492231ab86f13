// Micro-benchmark of the hot cell parsers (not a test): `npx tsc -p tsconfig.build.json && node dist/bench/cells.js`.
import { makeDateParser, makeDateTimeParser, normalizeName, parseMoney } from '../src/mapping/cells/index.js';

const N = 1_000_000;

/** Cells of realistic variety, built before timing so only parsing is measured. */
function cells(make: (i: number) => string): string[] {
  return Array.from({ length: N }, (_, i) => make(i));
}

function time(label: string, inputs: string[], parse: (raw: string) => { ok: boolean }): void {
  let ok = 0;
  for (let i = 0; i < 200_000; i++) parse(inputs[i % inputs.length]); // warm-up for the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < inputs.length; i++) if (parse(inputs[i]).ok) ok++;
  const ns = Number(process.hrtime.bigint() - start) / inputs.length;
  console.log(`${label.padEnd(40)} ${ns.toFixed(1).padStart(7)} ns/op  (${ok} of ${inputs.length} ok)`);
}

const money = cells((i) => {
  const dollars = (i * 7919) % 250_000;
  const cents = String(i % 100).padStart(2, '0');
  switch (i % 4) {
    case 0: return `${dollars}.${cents}`;
    case 1: return `$${dollars.toLocaleString('en-US')}.${cents}`;
    case 2: return `(${dollars}.${cents})`;
    default: return `-${dollars}`;
  }
});
const pad = (n: number): string => String(n).padStart(2, '0');
const dates = cells((i) => `${pad((i % 12) + 1)}/${pad((i % 28) + 1)}/${2000 + (i % 30)}`);
const dateTimes = cells((i) => `${pad((i % 12) + 1)}/${pad((i % 28) + 1)}/2026 ${(i % 12) + 1}:${pad(i % 60)} ${i % 2 ? 'PM' : 'AM'}`);
const names = cells((i) => (i % 2 ? `Smith${i % 1000}, John Q` : `Dr. José Peña${i % 1000} LCSW`));

time('parseMoney', money, parseMoney);
time('date MM/dd/yyyy', dates, makeDateParser(['MM/dd/yyyy']));
time('date yyyy-MM-dd then MM/dd/yyyy', dates, makeDateParser(['yyyy-MM-dd', 'MM/dd/yyyy']));
time('datetime MM/dd/yyyy HH:mm | h:mm a', dateTimes, makeDateTimeParser(['MM/dd/yyyy HH:mm', 'MM/dd/yyyy h:mm a']));
time('normalizeName', names, (raw) => ({ ok: normalizeName(raw).length > 0 }));
