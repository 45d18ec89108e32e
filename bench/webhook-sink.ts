import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Wall-clock milliseconds with a fraction: comparable with timestamps other processes write, finer than `Date.now()`. */
export const wallClockMs = () => performance.timeOrigin + performance.now();

/** What a sink makes of one request: the alerts it carries (by the bench's key) and whether to accept it. */
export interface SinkVerdict {
  keys: string[];
  ok: boolean;
}

/** A webhook receiver for the bench: it keeps when each alert first arrived, not the requests. */
export interface WebhookSink {
  url: string;
  /** First arrival of each alert key, in {@link wallClockMs}. */
  arrivedAt: ReadonlyMap<string, number>;
  /** Requests, alerts counted again after their first arrival, and requests refused (a bad signature). */
  counts(): { requests: number; repeats: number; refused: number };
  /** Resolves once `keys` have all arrived, or with those missing after `timeoutMs`. */
  waitFor(keys: readonly string[], timeoutMs: number): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server answering 200 (or 401 when `judge` refuses) to any POST at `path`. It
 * stores no bodies, so tens of thousands of deliveries cost the bench process little beyond what
 * `judge` does; both Vigil's and Alertmanager's webhooks are received by one of these.
 */
export async function startWebhookSink(path: string, judge: (body: string, request: IncomingMessage) => SinkVerdict): Promise<WebhookSink> {
  const arrivedAt = new Map<string, number>();
  let requests = 0;
  let repeats = 0;
  let refused = 0;
  let waiting: (() => void) | undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const now = wallClockMs();
      requests++;
      if (request.url !== path || request.method !== 'POST') return void response.writeHead(404).end();
      const verdict = judge(Buffer.concat(chunks).toString('utf8'), request);
      if (!verdict.ok) {
        refused++;
        return void response.writeHead(401).end();
      }
      for (const key of verdict.keys) {
        if (arrivedAt.has(key)) repeats++;
        else arrivedAt.set(key, now);
      }
      response.writeHead(200).end();
      waiting?.();
    });
  });
  // Both senders keep connections alive; the default 5 s keep-alive would close them mid-run between phases.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    arrivedAt,
    counts: () => ({ requests, repeats, refused }),
    waitFor: (keys, timeoutMs) =>
      new Promise<string[]>((resolve) => {
        const missing = () => keys.filter((key) => !arrivedAt.has(key));
        const check = () => {
          // Resuming at the first key still missing keeps each check cheap: keys mostly arrive in order.
          while (keys.length > 0 && arrivedAt.has(keys[next])) if (++next === keys.length) break;
          if (next < keys.length) return;
          clearTimeout(timer);
          waiting = undefined;
          resolve([]);
        };
        let next = 0;
        const timer = setTimeout(() => {
          waiting = undefined;
          resolve(missing());
        }, timeoutMs);
        waiting = check;
        check();
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
