import { request, type Agent } from 'node:https';

export interface WatchStreamOptions {
  port: number;
  agent: Agent;
  /** The watch URL, e.g. /api/v1/namespaces/x/configmaps?watch=1&resourceVersion=7. */
  path: string;
  /** Names to look for in events: the first capture group is reported to onEvent. */
  namePattern: RegExp;
  /** Called once per matching event line, with performance.now() of the chunk that completed it. */
  onEvent: (name: string, arrivedAt: number) => void;
}

export interface WatchStream {
  /** Resolves when the response headers arrived (the server accepted the watch). */
  opened: Promise<void>;
  close(): void;
}

/**
 * One watch over its own socket (HTTP/1.1 holds a socket per streaming response), read as
 * newline-delimited JSON events. The arrival time is taken before any parsing, and an event is
 * matched by a regular expression rather than JSON.parse: with a thousand watchers in one
 * process, per-event client work would otherwise pile up and be measured as server latency.
 */
export function openWatch(options: WatchStreamOptions): WatchStream {
  let req: ReturnType<typeof request> | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    req = request({ host: '127.0.0.1', port: options.port, path: options.path, agent: options.agent, servername: 'localhost', headers: { accept: 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`watch ${options.path}: HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      resolve();
      let partial = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const arrivedAt = performance.now();
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const m = options.namePattern.exec(line);
          if (m) options.onEvent(m[1], arrivedAt);
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
    req.end();
  });
  opened.catch(() => {});
  return { opened, close: () => req?.destroy() };
}
