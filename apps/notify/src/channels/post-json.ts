import * as http from 'node:http';
import * as https from 'node:https';
import { classifyHttpResponse, classifyNetworkFailure, DeliveryResult } from '../domain';

/** One POST by an HTTP channel (webhook, SMS/pager gateway): where, what, and how long it may take. */
export interface JsonPost {
  url: string;
  /** Already serialised: a signature may be over these exact bytes. */
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The clock Retry-After dates are read against. */
  now: () => Date;
}

/**
 * Connections kept open between deliveries, per protocol: a burst to one receiver reuses a few
 * sockets instead of a handshake per message. node:http rather than fetch: fetch's web streams,
 * abort signals and request cloning were a sixth of notify's CPU at 1,000 deliveries a second.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * POSTs once and classifies the outcome through the domain (`classifyHttpResponse`,
 * `classifyNetworkFailure`). Redirects are not followed: the address is configured, and an alert
 * must not be forwarded somewhere nobody chose. Only the status and Retry-After are read.
 */
export function postJson({ url, body, headers, timeoutMs, now }: JsonPost): Promise<DeliveryResult> {
  return new Promise<DeliveryResult>((resolve) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return resolve(classifyNetworkFailure(undefined, `cannot POST to a ${target.protocol} address`));
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: AGENTS[target.protocol],
        headers: { 'content-type': 'application/json', 'user-agent': 'vigil-notify', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        clearTimeout(timer);
        // Reading the body to its end frees the connection for the next delivery.
        response.resume();
        resolve(classifyHttpResponse(response.statusCode ?? 0, firstValue(response.headers['retry-after']), now()));
      },
    );
    // The whole wait for an answer, connecting included: a receiver that accepts and never answers is a timeout too.
    const timer = setTimeout(() => {
      request.destroy();
      resolve(classifyNetworkFailure('ETIMEDOUT', `no response within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(classifyNetworkFailure(error.code, error.message));
    });
    request.end(body);
  });
}

const firstValue = (header: string | string[] | undefined): string | null => (Array.isArray(header) ? header[0] : header) ?? null;
