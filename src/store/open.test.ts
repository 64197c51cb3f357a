import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibsqlRevisionLog } from './libsql/libsql-revision-log.ts';
import { MemoryRevisionLog } from './memory/memory-revision-log.ts';
import { defaultEndpoint, openStore } from './open.ts';

describe('openStore', () => {
  const drivers: Array<{ endpoint: string; kind: Function }> = [
    { endpoint: '', kind: LibsqlRevisionLog },
    { endpoint: 'file:/tmp/x/state.db', kind: LibsqlRevisionLog },
    { endpoint: 'libsql://db.example.com', kind: LibsqlRevisionLog },
    { endpoint: 'http://127.0.0.1:8080', kind: LibsqlRevisionLog },
    { endpoint: 'https://db.example.com', kind: LibsqlRevisionLog },
    { endpoint: 'ws://127.0.0.1:8080', kind: LibsqlRevisionLog },
    { endpoint: 'wss://db.example.com', kind: LibsqlRevisionLog },
    { endpoint: 'memory:', kind: MemoryRevisionLog },
  ];
  for (const { endpoint, kind } of drivers) {
    it(`opens a ${kind.name} for ${JSON.stringify(endpoint)}`, () => {
      expect(openStore(endpoint, '/var/lib/skiff')).toBeInstanceOf(kind);
    });
  }

  it('puts the embedded database at DATA/server/db/state.db', () => {
    expect(defaultEndpoint('/var/lib/skiff')).toBe('file:/var/lib/skiff/server/db/state.db');
  });

  it('escapes characters of the data dir that a file URL would misread', () => {
    expect(defaultEndpoint('/data/50%?#x')).toBe('file:/data/50%25%3F%23x/server/db/state.db');
  });

  for (const endpoint of ['postgres://localhost/k3s', 'mysql://root@tcp(localhost)/k3s', '/var/lib/state.db', 'etcd']) {
    it(`rejects ${JSON.stringify(endpoint)}, naming the flag and the accepted schemes`, () => {
      expect(() => openStore(endpoint, '/data')).toThrow(/--datastore-endpoint .*unsupported scheme.*file:.*libsql:.*memory:/);
    });
  }

  it('starts a working store from the default endpoint under a fresh data dir with a space and a percent sign', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'skiff-open-')), 'data 100%');
    try {
      const store = openStore('', dataDir);
      await store.start();
      await store.create('/a', 'v');
      await store.close();
      expect(existsSync(join(dataDir, 'server', 'db', 'state.db'))).toBe(true);
    } finally {
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  });
});
