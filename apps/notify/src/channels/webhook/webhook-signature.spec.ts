import { at, NOW } from '../../testing/notify-fixtures';
import { signWebhookBody, SignedWebhookRequest, verifyWebhookSignature, WebhookSignatureCheck } from './webhook-signature';

const SECRET = 'test-secret-of-32-or-more-characters-0123456789';
const BODY = '{"version":"1","receiver":"police-control-room","alerts":[]}';
const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** A request as Vigil would send it at `signedAt` with `secret`. */
function signed(signedAt: Date, secret = SECRET, body = BODY): SignedWebhookRequest {
  return { timestamp: seconds(signedAt), signature: signWebhookBody(secret, seconds(signedAt), body), body };
}

describe('verifyWebhookSignature', () => {
  it.each<[string, SignedWebhookRequest, WebhookSignatureCheck]>([
    ['a good signature', signed(NOW), { ok: true }],
    ['a good signature four minutes old', signed(at(-240)), { ok: true }],
    ['a sender clock a minute ahead', signed(at(60)), { ok: true }],
    ['a tampered body', { ...signed(NOW), body: BODY.replace('police', 'nobody') }, { ok: false, reason: 'bad-signature' }],
    ['a wrong secret', signed(NOW, 'another-secret-of-32-or-more-characters-98765'), { ok: false, reason: 'bad-signature' }],
    ['a timestamp moved to look fresh', { ...signed(at(-3600)), timestamp: seconds(NOW) }, { ok: false, reason: 'bad-signature' }],
    ['a too old timestamp (a replay)', signed(at(-301)), { ok: false, reason: 'outside-replay-window' }],
    ['a timestamp far in the future', signed(at(301)), { ok: false, reason: 'outside-replay-window' }],
    ['no signature header', { ...signed(NOW), signature: undefined }, { ok: false, reason: 'missing-headers' }],
    ['no timestamp header', { ...signed(NOW), timestamp: undefined }, { ok: false, reason: 'missing-headers' }],
    ['a timestamp that is not Unix seconds', { ...signed(NOW), timestamp: NOW.toISOString() }, { ok: false, reason: 'malformed-timestamp' }],
    ['a signature of another length', { ...signed(NOW), signature: 'sha256=abc' }, { ok: false, reason: 'bad-signature' }],
  ])('%s', (_case, request, check) => {
    expect(verifyWebhookSignature(request, SECRET, NOW)).toEqual(check);
  });
});
