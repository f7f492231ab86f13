// Binding a mapping to a header: what each field's cells become.
import { describe, expect, it } from 'vitest';
import { ENTITY_FIELDS, ENTITY_NAMES } from '../../src/domain/entities.js';
import { bindMapping } from '../../src/mapping/bind-mapping.js';
import type { Mapping } from '../../src/mapping/schema.js';

const DATETIME = { type: 'datetime' as const, formats: ['MM/dd/yyyy HH:mm'] };

function mappingOf(entity: Mapping['entity'], fields: Mapping['fields']): Mapping {
  return { name: 'synthetic/test', entity, source: 'synthetic', detect: { required: ['A'] }, fields };
}

describe('bindMapping: a datetime cell', () => {
  // A datetime service_date of claims, or of appointments that map start_time from another column, was kept as
  // { date, time } and reached SQLite as an object (exit 1). Every date field takes the date part.
  for (const entity of ENTITY_NAMES) {
    const dateFields = Object.entries(ENTITY_FIELDS[entity]).filter(([, def]) => def.kind === 'date').map(([field]) => field);
    for (const field of dateFields) {
      it(`read into ${entity}.${field} keeps its date`, () => {
        const bound = bindMapping(mappingOf(entity, { [field]: { column: 'When', ...DATETIME }, ...(entity === 'appointments' ? { start_time: { column: 'Start' } } : {}) }), ['When', 'Start']);
        expect(bound.mapRow(['04/15/2026 23:30', '10:00']).values[field]).toBe('2026-04-15');
      });
    }
  }

  it('read into an appointment\'s service_date also fills start_time when start_time is not mapped', () => {
    const bound = bindMapping(mappingOf('appointments', { service_date: { column: 'When', ...DATETIME } }), ['When']);
    expect(bound.fields).toEqual(['service_date', 'start_time']);
    expect(bound.mapRow(['04/15/2026 10:00']).values).toEqual({ service_date: '2026-04-15', start_time: '10:00' });
  });

  it('read into start_time keeps its time', () => {
    const bound = bindMapping(mappingOf('appointments', { service_date: { column: 'Day' }, start_time: { column: 'When', ...DATETIME } }), ['Day', 'When']);
    expect(bound.mapRow(['04/15/2026', '04/15/2026 09:05']).values).toEqual({ service_date: '2026-04-15', start_time: '09:05' });
  });
});
