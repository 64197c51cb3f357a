import { describe, expect, it } from 'vitest';
import { SPECIAL_MESSAGES } from '../special-messages.ts';
import { decodableKinds, MESSAGES, messageForKind } from './index.ts';

const messageNames = Object.keys(MESSAGES);

function referencedMessages(kind: string): string[] {
  const parts = kind.split(':');
  if (parts[0] === 'message') return [parts.slice(1).join(':')];
  if (parts[0] === 'map') return referencedMessages(parts.slice(2).join(':'));
  return [];
}

describe('protobuf descriptor tables', () => {
  it.each(messageNames)('%s refers only to described or special messages', (name) => {
    const missing = MESSAGES[name]
      .flatMap((field) => referencedMessages(field.kind))
      .filter((ref) => !Object.hasOwn(MESSAGES, ref) && !Object.hasOwn(SPECIAL_MESSAGES, ref));
    expect(missing).toEqual([]);
  });

  it.each(messageNames)('%s uses each field number and JSON name once', (name) => {
    const fields = MESSAGES[name];
    expect(new Set(fields.map((f) => f.no)).size).toBe(fields.length);
    const named = fields.filter((f) => !f.inline).map((f) => f.json);
    expect(new Set(named).size).toBe(named.length);
  });

  it.each(decodableKinds())('resolves $apiVersion $kind to a described message', ({ apiVersion, kind }) => {
    const message = messageForKind(apiVersion, kind);
    expect(message && Object.hasOwn(MESSAGES, message)).toBe(true);
  });

  it('resolves no kind through Object.prototype names', () => {
    expect(messageForKind('v1', 'constructor')).toBeUndefined();
    expect(messageForKind('toString', 'Pod')).toBeUndefined();
  });
});
