import { PendingSignIn } from './pending-sign-in';

/** Injection token of the {@link IdentityProvider}. */
export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');

/** What a finished sign-in proved about the person. */
export interface VerifiedSignIn {
  /** ID token claims, completed from userinfo when the ID token lacks the role claim. */
  claims: Record<string, unknown>;
  /** When the ID token expires, seconds since the epoch. */
  idTokenExpiresAt?: number;
}

/** The OpenID provider as the sign-in routes see it: authorization code flow with PKCE, state and nonce. */
export interface IdentityProvider {
  /** Where to send the browser, and what to keep until it comes back. */
  startSignIn(): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Exchanges the code the browser brought back and validates the ID token; rejects when anything does not match. */
  finishSignIn(callbackQuery: URLSearchParams, pending: PendingSignIn): Promise<VerifiedSignIn>;
}
