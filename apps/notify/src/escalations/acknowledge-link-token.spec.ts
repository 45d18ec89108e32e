import { signAcknowledgeLink, verifyAcknowledgeLink } from './acknowledge-link-token';

const SECRET = 'link-secret-of-32-or-more-characters-0123456789';
const NOW = new Date('2026-12-02T03:00:00Z');
const claims = { fingerprint: 'incident:5b7c0d7e', version: 3, receiver: 'police', expiresAt: new Date('2026-12-03T03:00:00Z') };
const token = signAcknowledgeLink(claims, SECRET);
const [body, signature] = token.split('.');
const forged = Buffer.from(JSON.stringify({ f: 'incident:other', v: 3, r: 'police', e: 1796270400 })).toString('base64url');

describe('acknowledge link tokens', () => {
  it.each<[string, string | 'ok', string, Date]>([
    ['as signed', 'ok', token, NOW],
    ['a second before it expires', 'ok', token, new Date(claims.expiresAt.getTime() - 1000)],
    ['at its expiry', 'expired', token, claims.expiresAt],
    ['another secret', 'bad-signature', signAcknowledgeLink(claims, 'another-secret-of-32-or-more-characters-01234'), NOW],
    ['claims swapped under the signature', 'bad-signature', `${forged}.${signature}`, NOW],
    ['signature cut short', 'bad-signature', `${body}.${signature.slice(0, 10)}`, NOW],
    ['no signature', 'malformed', body, NOW],
    ['three parts', 'malformed', `${token}.x`, NOW],
  ])('%s → %s', (_case, expected, given, now) => {
    const check = verifyAcknowledgeLink(given, SECRET, now);
    expect(check.ok ? 'ok' : check.reason).toBe(expected);
    if (check.ok) expect(check.claims).toEqual(claims);
  });

  it('fits in a text message with room to spare', () => {
    expect(token.length).toBeLessThan(120);
  });
});
