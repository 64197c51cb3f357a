import { ApiError } from './api-error.ts';
import type { KubeObject, Status } from './object.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
}

/**
 * The events of a watch answer: one JSON object per line, as kube-apiserver streams them.
 * Lines may be split across reads in any place (even inside a UTF-8 character). An ERROR
 * event is thrown as an ApiError carrying its Status (410 Expired included), and ends the
 * stream. Stopping the iteration early cancels the body, which closes the connection.
 */
export async function* watchEvents<T extends KubeObject>(body: ReadableStream<Uint8Array>): AsyncGenerator<WatchEvent<T>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const event = parseLine<T>(line);
        if (event) yield event;
      }
      if (done) break;
    }
    // The last event may lack its newline when the server closes right after it.
    const event = parseLine<T>(pending);
    if (event) yield event;
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function parseLine<T extends KubeObject>(line: string): WatchEvent<T> | undefined {
  if (line.trim() === '') return undefined;
  let event: { type?: string; object?: unknown };
  try {
    event = JSON.parse(line);
  } catch {
    throw new Error(`unable to decode a watch event: ${line.slice(0, 200)}`);
  }
  if (event.type === 'ERROR') {
    const status = (event.object ?? {}) as Status;
    throw new ApiError({ ...status, code: status.code ?? 500, reason: status.reason ?? 'InternalError' });
  }
  if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED' && event.type !== 'BOOKMARK') {
    throw new Error(`got invalid watch event type: ${event.type}`);
  }
  if (!event.object || typeof event.object !== 'object') throw new Error(`watch event ${event.type} has no object`);
  return { type: event.type, object: event.object as T };
}
