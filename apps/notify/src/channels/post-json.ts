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
 * POSTs once and classifies the outcome through the domain (`classifyHttpResponse`,
 * `classifyNetworkFailure`). Redirects are not followed: the address is configured, and an alert
 * must not be forwarded somewhere nobody chose. Only the status and Retry-After are read.
 */
export async function postJson({ url, body, headers, timeoutMs, now }: JsonPost): Promise<DeliveryResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'vigil-notify', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Releasing the body frees the connection for the next delivery.
    await response.body?.cancel();
    return classifyHttpResponse(response.status, response.headers.get('retry-after'), now());
  } catch (error) {
    const failure = describeFetchFailure(error);
    if (failure.name === 'TimeoutError') return classifyNetworkFailure('ETIMEDOUT', `no response within ${timeoutMs} ms`);
    return classifyNetworkFailure(failure.code, failure.message);
  }
}

interface FetchFailure {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: FetchFailure & { errors?: FetchFailure[] };
}

/**
 * fetch rejects with a TimeoutError when the signal fires, and otherwise with "fetch failed" whose
 * cause is the socket's error (ECONNREFUSED…), or an AggregateError of them when several addresses
 * were tried. Read by shape, not `instanceof`: the DOMException and TypeError may come from another realm.
 */
function describeFetchFailure(error: unknown): { name?: string; code?: string; message: string } {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FetchFailure;
  const socket = failure.cause?.errors?.[0] ?? failure.cause;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    name: text(failure.name),
    code: text(failure.cause?.code) ?? text(socket?.code),
    message: text(socket?.message) ?? text(failure.message) ?? String(error),
  };
}
