import { Principal, signToken } from '@vigil/auth';

/** What an API call answered: the status and the JSON body (undefined when empty). */
export interface ApiAnswer {
  status: number;
  // The specs read answers as the contract they expect; `any` keeps that at the assertion.
  body: any;
}

/**
 * Calls a Vigil app's REST API as `principal`, with a ten-minute session token signed by the
 * test environment's secret, as the consoles do. A string body goes as it is (a CSV import),
 * anything else as JSON.
 */
export async function callApi(baseUrl: string, authSecret: string, principal: Principal, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${signToken(principal, authSecret, 600)}`, 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
