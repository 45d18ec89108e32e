import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smsChannelOptionsFrom } from './sms-options';

const TOKEN = 'sms-gateway-token-0123456789';
const folder = mkdtempSync(join(tmpdir(), 'vigil-sms-'));
const tokenFile = join(folder, 'token');
writeFileSync(tokenFile, `${TOKEN}\n`);
const emptyFile = join(folder, 'empty');
writeFileSync(emptyFile, '\n');

const base = { VIGIL_SMS_GATEWAY_URL: 'https://sms.example.gov.uk/v1/messages', VIGIL_SMS_GATEWAY_TOKEN: TOKEN };

describe('smsChannelOptionsFrom', () => {
  it('is off when no gateway URL is set', () => {
    expect(smsChannelOptionsFrom({})).toBeUndefined();
  });

  it('reads the gateway, the token and a default timeout', () => {
    expect(smsChannelOptionsFrom(base)).toEqual({ gatewayUrl: base.VIGIL_SMS_GATEWAY_URL, token: TOKEN, timeoutMs: 10_000 });
  });

  it.each([
    ['the token from a file, without its new line', { VIGIL_SMS_GATEWAY_TOKEN: undefined, VIGIL_SMS_GATEWAY_TOKEN_FILE: tokenFile }, { token: TOKEN }],
    ['a gateway on this machine over http', { VIGIL_SMS_GATEWAY_URL: 'http://127.0.0.1:8025/send' }, { gatewayUrl: 'http://127.0.0.1:8025/send' }],
    ['a timeout', { VIGIL_SMS_GATEWAY_TIMEOUT_MS: '2500' }, { timeoutMs: 2500 }],
  ])('reads %s', (_case, overrides, expected) => {
    expect(smsChannelOptionsFrom({ ...base, ...overrides })).toMatchObject(expected);
  });

  it.each([
    ['a token without a gateway', { VIGIL_SMS_GATEWAY_URL: undefined }, /VIGIL_SMS_GATEWAY_TOKEN: set VIGIL_SMS_GATEWAY_URL too/],
    ['a gateway without a token', { VIGIL_SMS_GATEWAY_TOKEN: undefined }, /VIGIL_SMS_GATEWAY_TOKEN: set exactly one of/],
    ['both token forms', { VIGIL_SMS_GATEWAY_TOKEN_FILE: tokenFile }, /VIGIL_SMS_GATEWAY_TOKEN: set exactly one of/],
    ['a missing token file', { VIGIL_SMS_GATEWAY_TOKEN: undefined, VIGIL_SMS_GATEWAY_TOKEN_FILE: '/nonexistent/sms-token' }, /VIGIL_SMS_GATEWAY_TOKEN_FILE: cannot read \/nonexistent\/sms-token: ENOENT/],
    ['an empty token file', { VIGIL_SMS_GATEWAY_TOKEN: undefined, VIGIL_SMS_GATEWAY_TOKEN_FILE: emptyFile }, /VIGIL_SMS_GATEWAY_TOKEN_FILE: .* is empty/],
    ['plain http to another host', { VIGIL_SMS_GATEWAY_URL: 'http://sms.example.gov.uk/send' }, /VIGIL_SMS_GATEWAY_URL: must be https \(http only for localhost\)/],
    ['not a URL', { VIGIL_SMS_GATEWAY_URL: 'sms.example.gov.uk' }, /VIGIL_SMS_GATEWAY_URL: must be an https:\/\/ URL/],
    ['a timeout too long', { VIGIL_SMS_GATEWAY_TIMEOUT_MS: '600000' }, /VIGIL_SMS_GATEWAY_TIMEOUT_MS: /],
  ])('refuses %s', (_case, overrides, message) => {
    expect(() => smsChannelOptionsFrom({ ...base, ...overrides })).toThrow(message);
  });

  it('never repeats the token in its errors', () => {
    expect(() => smsChannelOptionsFrom({ ...base, VIGIL_SMS_GATEWAY_TOKEN_FILE: tokenFile })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(TOKEN) }));
  });
});
