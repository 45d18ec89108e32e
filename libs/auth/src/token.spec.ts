import { bearerToken, signToken, verifyToken } from './token';

const secret = 'a-secret-of-enough-length';
const now = new Date('2026-11-23T03:00:00Z');

describe('tokens', () => {
  it.each([
    [{ subject: 'pc-1', role: 'police' as const }],
    [{ subject: 'sup-kim', role: 'supervisor' as const }],
    [{ subject: 'sbc', role: 'partner' as const, partnerId: 'stevenage' }],
    [{ subject: 'eng', role: 'contractor' as const }],
  ])('round-trips %j', (principal) => {
    expect(verifyToken(signToken(principal, secret, 60, now), secret, now)).toEqual({ ok: true, principal, expiresAt: new Date(now.getTime() + 60_000) });
  });

  it.each([
    ['another secret', 60, now, 'bad signature'],
    [secret, 60, new Date(now.getTime() + 61_000), 'token expired'],
  ])('refuses with %s / ttl %d at %s: %s', (verifySecret, ttl, at, reason) => {
    expect(verifyToken(signToken({ subject: 's', role: 'police' }, secret, ttl, now), verifySecret, at)).toEqual({ ok: false, reason });
  });

  it('refuses a role that is not one of ROLES', () => {
    const token = signToken({ subject: 's', role: 'admin' as unknown as 'police' }, secret, 60, now);
    expect(verifyToken(token, secret, now)).toEqual({ ok: false, reason: 'token lacks subject or role' });
  });

  it.each(['', 'a.b', 'x.y.z'])('refuses malformed "%s"', (token) => {
    expect(verifyToken(token, secret, now).ok).toBe(false);
  });

  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['Basic abc', undefined],
    [undefined, undefined],
  ])('reads the bearer token of "%s"', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
