// Migration 009: names stored with a Canadian credential inside them lose it, so the next export finds the same person.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutAddedCredentials } from '../../src/store/credential-names.js';
import { cli, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';
import { storeAtSchema } from '../helpers/store-files.js';

describe('withoutAddedCredentials', () => {
  it.each([
    ['Chiara RCC Rossi', 'Chiara Rossi'],
    ['Chiara Rossi RSW', 'Chiara Rossi'],
    ['Ann R.Psych Lee', 'Ann Lee'],
    ['Chiara Rossi', null],
    ['Chiara LCSW Rossi', null], // not one the migration added: left as it was stored
    ['RCC', null], // never emptied
  ])('%j becomes %j', (name, renamed) => {
    expect(withoutAddedCredentials(name)).toBe(renamed);
  });
});

describe('migration 009', () => {
  it('renames and rekeys a clinician stored as "Chiara RCC Rossi"; a later Jane export updates the same record', async () => {
    const ws = tempWorkspace();
    const file = path.join(ws, 'practice-sync.db');
    fs.rmSync(file);
    const old = storeAtSchema(file, 8);
    old.exec(`
      INSERT INTO clinicians (id, name, name_key) VALUES (1, 'Chiara RCC Rossi', 'chiara rcc rossi'), (2, 'Dana Reyes', 'dana reyes');
      INSERT INTO patients (id, name, name_key) VALUES (1, 'Nina Achter', 'nina achter');
      INSERT INTO appointments (id, patient_ref, clinician_ref, service_date, start_time, status) VALUES (1, 1, 1, '2026-10-05', '09:00', 'scheduled');
    `);
    old.close();
    const exported = writeFile(tempDir(), 'jane.csv', 'Date,Time,Patient,Practitioner,Treatment,Duration,Location,State,Price\n' +
      '2026-10-05,9:00 AM,"Achter, Nina","Rossi, Chiara RCC",Individual Counselling 60 min (90837),60 min,Main,Arrived,$160.00\n');
    const result = await cli(['--workspace', ws, '--format', 'json', 'import', exported]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: 0, updated: 1 });
    expect(query(file, 'SELECT id, name, name_key FROM clinicians ORDER BY id')).toEqual([
      { id: 1, name: 'Chiara Rossi', name_key: 'chiara rossi' },
      { id: 2, name: 'Dana Reyes', name_key: 'dana reyes' },
    ]);
    expect(query(file, 'SELECT clinician_ref, status FROM appointments')).toEqual([{ clinician_ref: 1, status: 'completed' }]);
  });
});
