import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { filePragmas } from './statements.ts';

export interface ConnectOptions {
  url: string;
  authToken?: string;
  busyTimeoutMs: number;
}

/**
 * Opens a libSQL client. A `file:` URL gets its parent folder created and the WAL pragmas; a
 * remote URL (`libsql:`, `http(s):`, `ws(s):`) goes to a libSQL server as it is.
 */
export async function connect(options: ConnectOptions): Promise<Client> {
  const local = options.url.startsWith('file:');
  if (local) {
    const path = filePath(options.url);
    if (path) mkdirSync(dirname(path), { recursive: true });
  }
  // One connection for a local file: synchronous= and busy_timeout are per-connection
  // settings, and the store has one writer anyway (the client would otherwise open a pool).
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(local ? { concurrency: 1 } : {}),
  });
  try {
    if (local) for (const pragma of filePragmas(options.busyTimeoutMs)) await client.execute(pragma);
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}

/** The file system path of a `file:` URL (absolute `file:///a`, `file:/a`, or relative `file:a`). */
export function filePath(url: string): string | undefined {
  const rest = url.slice('file:'.length).split('?')[0];
  if (rest === '' || rest.startsWith(':memory:')) return undefined;
  if (rest.startsWith('//')) return fileURLToPath(url.split('?')[0]);
  return decodeURIComponent(rest);
}
