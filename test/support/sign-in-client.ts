/** One answer in a sign-in, as the browser saw it. */
export interface Hop {
  url: string;
  status: number;
  location?: string;
  body: string;
}

/**
 * Walks an authorization code flow as a browser would, over plain HTTP: follows redirects, keeps
 * cookies (by name, like a browser on one host, whatever the port) and submits the provider's
 * login and consent forms. `beforeRequest` lets a test alter a request, as an attacker would.
 */
export class SignInClient {
  readonly hops: Hop[] = [];
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly login: string,
    private readonly beforeRequest: (url: URL) => URL = (url) => url,
  ) {}

  /** Starts at `startUrl` and stops at the first answer that is neither a redirect nor a provider form. */
  async run(startUrl: string): Promise<Hop> {
    const end = await this.walk(startUrl);
    if (end instanceof URL) throw new Error(`sign-in stopped before ${end.href}`);
    return end;
  }

  /** Walks until the browser would request `pathname`, and returns that URL instead of requesting it. */
  async urlOf(startUrl: string, pathname: string): Promise<URL> {
    const end = await this.walk(startUrl, pathname);
    if (!(end instanceof URL)) throw new Error(`sign-in never reached ${pathname}: ended with ${end.status} at ${end.url}`);
    return end;
  }

  private async walk(startUrl: string, stopAt?: string): Promise<Hop | URL> {
    let request: { url: URL; form?: URLSearchParams } = { url: new URL(startUrl) };
    for (let step = 0; step < 20; step++) {
      if (request.url.pathname === stopAt) return request.url;
      const hop = await this.send(this.beforeRequest(request.url), request.form);
      if (hop.location && !hop.location.startsWith('#')) {
        request = { url: new URL(hop.location, hop.url) };
        if (request.url.hash) return hop;
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(hop.body);
      if (hop.status !== 200 || !form) return hop;
      request = { url: new URL(form[1], hop.url), form: this.fill(form[2]) };
    }
    throw new Error(`sign-in did not finish:\n${this.hops.map((h) => `${h.status} ${h.url}`).join('\n')}`);
  }

  /** The Vigil token a finished sign-in handed to the page in the URL fragment. */
  tokenOf(hop: Hop): string | undefined {
    return hop.location ? (new URLSearchParams(new URL(hop.location, hop.url).hash.slice(1)).get('token') ?? undefined) : undefined;
  }

  private fill(formHtml: string): URLSearchParams {
    const fields = new URLSearchParams();
    for (const input of formHtml.matchAll(/<input([^>]*)>/gi)) {
      const name = /name="([^"]*)"/.exec(input[1])?.[1];
      if (!name) continue;
      const value = name === 'login' ? this.login : name === 'password' ? 'any password' : (/value="([^"]*)"/.exec(input[1])?.[1] ?? '');
      fields.set(name, value);
    }
    return fields;
  }

  private async send(url: URL, form?: URLSearchParams): Promise<Hop> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form?.toString(), redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const hop = { url: url.href, status: response.status, location: response.headers.get('location') ?? undefined, body: await response.text() };
    this.hops.push(hop);
    return hop;
  }
}
