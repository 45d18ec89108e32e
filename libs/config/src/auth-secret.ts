/** The signing secret demo mode uses when none is set. It is in the repository, so it protects nothing. */
export const DEMO_AUTH_SECRET = 'vigil-demo-secret-change-me';

/** Shortest signing secret Vigil accepts: 32 characters of `openssl rand -base64 48` carry far more than 128 bits. */
export const MIN_AUTH_SECRET_LENGTH = 32;

const HOW_TO_SET = `set VIGIL_AUTH_SECRET to ${MIN_AUTH_SECRET_LENGTH}+ random characters (generate one with: openssl rand -base64 48)`;

/**
 * Why a signing secret cannot be used, or undefined when it can. Outside demo mode a missing or
 * demo secret would let anyone who read the repository sign a police token.
 */
export function authSecretProblem(secret: string | undefined, demo: boolean): string | undefined {
  if (secret === undefined || secret === '') {
    return demo ? undefined : `not set, and Vigil is not in demo mode (VIGIL_DEMO=on): ${HOW_TO_SET}`;
  }
  if (secret === DEMO_AUTH_SECRET) {
    return demo ? undefined : `is the demo secret written in Vigil's repository, and Vigil is not in demo mode (VIGIL_DEMO=on): ${HOW_TO_SET}`;
  }
  if (secret.length < MIN_AUTH_SECRET_LENGTH) return `is ${secret.length} characters, too short to sign tokens: ${HOW_TO_SET}`;
  return undefined;
}
