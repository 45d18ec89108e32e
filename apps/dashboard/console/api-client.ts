/** Raised when Vigil no longer accepts the token: the page signs out. */
export class SignedOutError extends Error {}

/** What a POST came to: the answer's body, a 409 with the record as it is now, or a failure in the server's words (and its body, e.g. a 422's errors). */
export type PostResult = { kind: 'done'; answer: unknown } | { kind: 'conflict'; answer: unknown } | { kind: 'failed'; status: number; message: string; answer?: unknown };

/** The page's REST client: the bearer token on every call, 401 meaning the session is over. */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorised: (reason: string) => void,
  ) {}

  async getJson<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: this.headers() });
    this.checkSession(response);
    if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** GETs JSON; a 404 is null (the server knows nothing of it), any other failure a throw. */
  async getJsonOrNone<T>(path: string): Promise<T | null> {
    const response = await fetch(path, { headers: this.headers() });
    this.checkSession(response);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** POSTs JSON; a network failure is a `failed` with status 0, never a throw (a 401 still signs out). */
  postJson(path: string, body: object): Promise<PostResult> {
    return this.sendJson('POST', path, body);
  }

  /** PUTs JSON, answered as {@link postJson} is. */
  putJson(path: string, body: object): Promise<PostResult> {
    return this.sendJson('PUT', path, body);
  }

  private async sendJson(method: 'POST' | 'PUT', path: string, body: object): Promise<PostResult> {
    let response: Response;
    try {
      response = await fetch(path, { method, headers: { ...this.headers(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch {
      return { kind: 'failed', status: 0, message: 'cannot reach Vigil' };
    }
    this.checkSession(response);
    const answer = (await response.json().catch(() => null)) as unknown;
    if (response.status === 409) return { kind: 'conflict', answer };
    if (!response.ok) {
      const message = (answer as { message?: unknown } | null)?.message;
      return { kind: 'failed', status: response.status, message: Array.isArray(message) ? message.join('; ') : String(message ?? response.statusText), answer };
    }
    return { kind: 'done', answer };
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }

  private checkSession(response: Response): void {
    if (response.status !== 401) return;
    this.onUnauthorised('Vigil no longer accepts this sign-in');
    throw new SignedOutError('signed out');
  }
}
