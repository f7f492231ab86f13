// Which cell types may feed a field of each kind, and the type a field is read as when its mapping names none: checked
// when a mapping loads (schema.ts), so `mapping check` finds what binding to a file would refuse.
import type { FieldKind } from '../domain/entities.js';

export const DEFAULT_TYPE: Record<FieldKind, string> = {
  text: 'text', integer: 'integer', number: 'number', money: 'money', date: 'date', datetime: 'datetime',
  time: 'time', name: 'name', list: 'list', boolean: 'boolean', enum: 'enum',
};

/**
 * Which cell types may feed a field of each kind. A list (cpt_codes) takes only the list type: text would be stored
 * as it is, not as a list, and could never match a code.
 */
export const COMPATIBLE: Record<FieldKind, readonly string[]> = {
  text: ['text', 'name', 'enum', 'integer'],
  name: ['name', 'text'],
  integer: ['integer'],
  number: ['number', 'integer'],
  money: ['money'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
  time: ['time', 'datetime'],
  list: ['list'],
  boolean: ['boolean'],
  enum: ['enum', 'text'],
};
