import { resolve } from 'node:path';
import { LibsqlRevisionLog } from './libsql/libsql-revision-log.ts';
import { MemoryRevisionLog } from './memory/memory-revision-log.ts';
import type { RevisionLog } from './types.ts';

type Driver = (endpoint: string) => RevisionLog;

const libsql: Driver = (url) => new LibsqlRevisionLog({ url });

/**
 * Datastore drivers by `--datastore-endpoint` scheme (as k3s picks kine's driver from the
 * endpoint): a registry, so a new backend is one entry here.
 */
const drivers = new Map<string, Driver>([
  ['file:', libsql],
  ['libsql:', libsql],
  ['http:', libsql],
  ['https:', libsql],
  ['ws:', libsql],
  ['wss:', libsql],
  ['memory:', () => new MemoryRevisionLog()],
]);

/** Where the embedded datastore lives when no endpoint is given (DESIGN.md §2). */
export function defaultEndpoint(dataDir: string): string {
  // libSQL percent-decodes file URLs: escape what would otherwise be read as URL syntax.
  return `file:${resolve(dataDir, 'server', 'db', 'state.db').replace(/[%?#]/g, encodeURIComponent)}`;
}

/**
 * The revision log for a `--datastore-endpoint` value; empty means the embedded libSQL file
 * under the data dir. Not started: call start().
 *
 * @example
 * const store = openStore('', '/var/lib/skiff'); // file:/var/lib/skiff/server/db/state.db
 * await store.start();
 */
export function openStore(endpoint: string, dataDir: string): RevisionLog {
  const url = endpoint.trim() === '' ? defaultEndpoint(dataDir) : endpoint.trim();
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1].toLowerCase();
  const driver = scheme === undefined ? undefined : drivers.get(scheme);
  if (!driver) {
    throw new Error(
      `--datastore-endpoint ${JSON.stringify(endpoint)}: unsupported scheme; expected empty (embedded libSQL under the data dir) or a URL starting with ${[...drivers.keys()].join(', ')}`,
    );
  }
  return driver(url);
}
