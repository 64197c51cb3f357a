import type { Row } from '@libsql/client';
import type { KeyValue, StoreEvent } from '../types.ts';

/** Turns result rows (the column lists of statements.ts) into the store's types. */

export function keyValueOf(row: Row): KeyValue {
  const revision = int(row, 'id');
  return {
    key: text(row, 'name'),
    value: text(row, 'value'),
    modRevision: revision,
    createRevision: int(row, 'created') ? revision : int(row, 'create_revision'),
  };
}

/** A history row (selectHistoryRange) as the event its write produced. */
export function eventOf(row: Row): StoreEvent {
  const kv = keyValueOf(row);
  if (int(row, 'created')) return { type: 'create', kv, revision: kv.modRevision };
  const event: StoreEvent = { type: int(row, 'deleted') ? 'delete' : 'update', kv, revision: kv.modRevision };
  if (row.p_id !== null && row.p_id !== undefined) {
    const prevRevision = int(row, 'p_id');
    event.prev = {
      key: kv.key,
      value: text(row, 'p_value'),
      modRevision: prevRevision,
      createRevision: int(row, 'p_created') ? prevRevision : int(row, 'p_create_revision'),
    };
  }
  return event;
}

export function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number(value);
  throw new TypeError(`store: column ${column} holds ${value === null ? 'NULL' : typeof value}, expected an integer`);
}

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  throw new TypeError(`store: column ${column} holds ${value === null ? 'NULL' : typeof value}, expected text`);
}
