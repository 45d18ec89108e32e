/**
 * Seconds a Vigil session lasts after sign-in: never past the identity provider's ID token, so
 * someone disabled at the provider loses Vigil within that time, and never past the configured maximum.
 */
export function sessionSeconds(idTokenExpiresAt: number | undefined, now: Date, maxSeconds: number): number {
  const untilIdTokenExpires = idTokenExpiresAt === undefined ? maxSeconds : idTokenExpiresAt - Math.floor(now.getTime() / 1000);
  return Math.max(0, Math.min(untilIdTokenExpires, maxSeconds));
}
