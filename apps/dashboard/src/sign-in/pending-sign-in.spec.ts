import { openPendingSignIn, PENDING_SIGN_IN_SECONDS, readCookie, sealPendingSignIn } from './pending-sign-in';

const secret = 'test-secret-0123456789';
const pending = { codeVerifier: 'v'.repeat(43), state: 's-123', nonce: 'n-456' };
const now = new Date('2026-12-01T20:00:00Z');
const sealed = sealPendingSignIn(pending, secret, now);

function flipped(text: string, index: number): string {
  return text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('pending sign-in cookie', () => {
  it('opens what it sealed, and hides the verifier', () => {
    expect(openPendingSignIn(sealed, secret, now)).toEqual(pending);
    expect(sealed).not.toContain(pending.codeVerifier);
  });

  it.each([
    ['missing', undefined, secret, now],
    ['empty', '', secret, now],
    ['sealed with another secret', sealed, 'another-secret-0123456789', now],
    ['altered in its body', flipped(sealed, 20), secret, now],
    ['altered in its tag', flipped(sealed, sealed.length - 3), secret, now],
    ['expired', sealed, secret, new Date(now.getTime() + PENDING_SIGN_IN_SECONDS * 1000)],
    ['not sealed at all', 'a.b.c', secret, now],
  ])('refuses a cookie %s', (_case, cookie, openWith, at) => {
    expect(openPendingSignIn(cookie, openWith, at)).toBeUndefined();
  });

  it.each([
    ['a=1; vigil_sign_in=abc.def; b=2', 'abc.def'],
    ['vigil_sign_in=x=y', 'x=y'],
    ['other=1', undefined],
    [undefined, undefined],
  ])('reads the cookie from "%s"', (header, value) => {
    expect(readCookie(header, 'vigil_sign_in')).toBe(value);
  });
});
