import type { ConsoleRole } from './permissions';

const STORAGE_KEY = 'vigil.token';

/** What the page reads from its token: a label and the role's abilities. The server decides access. */
export interface Claims {
  sub: string;
  role: ConsoleRole;
  partner?: string;
  exp: number;
}

/**
 * Takes a token arriving in the address (`?token=` from a demo link, `#token=` from the sign-in
 * callback) into session storage and removes it from the address bar, so it is neither bookmarked
 * nor shown. Returns the token this tab holds.
 */
export function takeTokenFromAddress(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('token');
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  const arrived = fromFragment ?? fromQuery;
  if (arrived) {
    sessionStorage.setItem(STORAGE_KEY, arrived);
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/** The token's claims, or null when it cannot be read (the server will refuse it and say why). */
export function readClaims(token: string): Claims | null {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Claims;
  } catch {
    return null;
  }
}

/** `jo.north-herts · partner · north-herts`. */
export function whoLabel(claims: Claims): string {
  return `${claims.sub} · ${claims.role}${claims.partner ? ` · ${claims.partner}` : ''}`;
}

export function forgetToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Where to sign in through the organisation's identity provider, when Vigil is set up for it. */
export async function signInUrl(): Promise<string | null> {
  try {
    const response = await fetch('/auth/providers');
    const providers = response.ok ? ((await response.json()) as { oidc: boolean; loginUrl?: string }) : { oidc: false };
    return providers.oidc ? (providers.loginUrl ?? '/auth/login') : null;
  } catch {
    return null;
  }
}
