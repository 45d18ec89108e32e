import { emailChannelOptionsFrom } from './email-options';

const base = { VIGIL_SMTP_URL: 'smtps://vigil:s3cret-pass@mail.example.gov.uk:465', VIGIL_SMTP_FROM: 'Vigil CCTV <vigil@cctv.example.gov.uk>' };

describe('emailChannelOptionsFrom', () => {
  it('is off when no SMTP URL is set', () => {
    expect(emailChannelOptionsFrom({})).toBeUndefined();
  });

  it('reads the server, the sender and a default timeout', () => {
    expect(emailChannelOptionsFrom(base)).toEqual({ smtpUrl: base.VIGIL_SMTP_URL, from: base.VIGIL_SMTP_FROM, timeoutMs: 10_000 });
  });

  it.each([
    ['a bare sender address', { VIGIL_SMTP_FROM: 'vigil@cctv.example.gov.uk' }, { from: 'vigil@cctv.example.gov.uk' }],
    ['smtp:// with STARTTLS required', { VIGIL_SMTP_URL: 'smtp://vigil:pw@mail.example.gov.uk:587?requireTLS=true' }, { smtpUrl: 'smtp://vigil:pw@mail.example.gov.uk:587?requireTLS=true' }],
    ['a relay without credentials', { VIGIL_SMTP_URL: 'smtp://relay.example.gov.uk:25' }, { smtpUrl: 'smtp://relay.example.gov.uk:25' }],
    ['credentials to a server on this machine', { VIGIL_SMTP_URL: 'smtp://vigil:pw@127.0.0.1:2525' }, { smtpUrl: 'smtp://vigil:pw@127.0.0.1:2525' }],
    ['a timeout', { VIGIL_SMTP_TIMEOUT_MS: '3000' }, { timeoutMs: 3000 }],
  ])('reads %s', (_case, overrides, expected) => {
    expect(emailChannelOptionsFrom({ ...base, ...overrides })).toMatchObject(expected);
  });

  it.each([
    ['a sender without a server', { VIGIL_SMTP_URL: undefined }, /VIGIL_SMTP_FROM: set VIGIL_SMTP_URL too/],
    ['a server without a sender', { VIGIL_SMTP_FROM: undefined }, /VIGIL_SMTP_FROM: required with VIGIL_SMTP_URL/],
    ['an http URL', { VIGIL_SMTP_URL: 'https://mail.example.gov.uk' }, /VIGIL_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['a host name alone', { VIGIL_SMTP_URL: 'mail.example.gov.uk' }, /VIGIL_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['a password over plain smtp to another host', { VIGIL_SMTP_URL: 'smtp://vigil:pw@mail.example.gov.uk:587' }, /VIGIL_SMTP_URL: sends a password: use smtps:\/\//],
    ['a sender that is not an address', { VIGIL_SMTP_FROM: 'Vigil' }, /VIGIL_SMTP_FROM: must be an address/],
    ['a timeout too long', { VIGIL_SMTP_TIMEOUT_MS: '600000' }, /VIGIL_SMTP_TIMEOUT_MS: /],
  ])('refuses %s', (_case, overrides, message) => {
    expect(() => emailChannelOptionsFrom({ ...base, ...overrides })).toThrow(message);
  });

  it('never repeats the URL, and with it the password, in its error', () => {
    expect(() => emailChannelOptionsFrom({ ...base, VIGIL_SMTP_URL: 'smtp://vigil:s3cret-pass@mail.example.gov.uk:587' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret-pass') }),
    );
  });
});
