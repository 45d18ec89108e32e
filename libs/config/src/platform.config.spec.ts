import { DEMO_AUTH_SECRET } from './auth-secret';
import { ConfigError, loadPlatformConfig } from './platform.config';

const OWN_SECRET = 'k3Jz9mQv2Lr8Xw4Tn6Bp1Ys7Hd5Gf0Ca';

describe('platform config: the signing secret', () => {
  it.each([
    ['no secret outside demo mode', {}, /VIGIL_AUTH_SECRET: not set, and Vigil is not in demo mode \(VIGIL_DEMO=on\): set VIGIL_AUTH_SECRET .*openssl rand -base64 48/],
    ['an empty secret with VIGIL_DEMO=off', { VIGIL_DEMO: 'off', VIGIL_AUTH_SECRET: '' }, /VIGIL_AUTH_SECRET: not set/],
    ['the demo secret outside demo mode', { VIGIL_AUTH_SECRET: DEMO_AUTH_SECRET }, /VIGIL_AUTH_SECRET: is the demo secret written in Vigil's repository.*openssl rand -base64 48/],
    ['a 31-character secret', { VIGIL_AUTH_SECRET: 'x'.repeat(31) }, /VIGIL_AUTH_SECRET: is 31 characters, too short to sign tokens.*openssl rand -base64 48/],
    ['a short secret even in demo mode', { VIGIL_DEMO: 'on', VIGIL_AUTH_SECRET: 'short' }, /VIGIL_AUTH_SECRET: is 5 characters, too short/],
    ['a demo switch that is neither on nor off', { VIGIL_DEMO: 'yes', VIGIL_AUTH_SECRET: OWN_SECRET }, /VIGIL_DEMO: /],
  ])('refuses %s', (_, env, message) => {
    const load = () => loadPlatformConfig(env);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it.each([
    ['demo mode without a secret', { VIGIL_DEMO: 'on' }, { demo: true, authSecret: DEMO_AUTH_SECRET }],
    ['demo mode with the demo secret', { VIGIL_DEMO: 'on', VIGIL_AUTH_SECRET: DEMO_AUTH_SECRET }, { demo: true, authSecret: DEMO_AUTH_SECRET }],
    ['demo mode with its own secret', { VIGIL_DEMO: 'on', VIGIL_AUTH_SECRET: OWN_SECRET }, { demo: true, authSecret: OWN_SECRET }],
    ['a deployment with its own secret', { VIGIL_AUTH_SECRET: OWN_SECRET }, { demo: false, authSecret: OWN_SECRET }],
  ])('accepts %s', (_, env, expected) => {
    expect(loadPlatformConfig(env)).toMatchObject(expected);
  });

  it('names a bad secret together with the other bad settings', () => {
    expect(() => loadPlatformConfig({ VIGIL_DATABASE_URL: 'not a url' })).toThrow(/VIGIL_DATABASE_URL: .*\n.*VIGIL_AUTH_SECRET: not set/);
  });
});

describe('platform config: ops endpoints and socket origins', () => {
  it.each([
    [{ VIGIL_AUTH_SECRET: OWN_SECRET }, 'staff'],
    [{ VIGIL_DEMO: 'on' }, 'public'],
    [{ VIGIL_AUTH_SECRET: OWN_SECRET, VIGIL_OPS_ENDPOINTS: 'public' }, 'public'],
    [{ VIGIL_DEMO: 'on', VIGIL_OPS_ENDPOINTS: 'off' }, 'off'],
  ])('%j serves /metrics and /api/docs to: %s', (env, opsEndpoints) => {
    expect(loadPlatformConfig(env).opsEndpoints).toBe(opsEndpoints);
  });

  it.each([
    [undefined, []],
    ['https://vigil.example.org', ['https://vigil.example.org']],
    ['https://a.example.org, http://b.example.org:8080', ['https://a.example.org', 'http://b.example.org:8080']],
  ])('reads socket origins %s', (origins, expected) => {
    expect(loadPlatformConfig({ VIGIL_DEMO: 'on', VIGIL_SOCKET_ORIGINS: origins }).socketOrigins).toEqual(expected);
  });

  it.each(['https://vigil.example.org/dashboard', 'vigil.example.org', '*'])('refuses socket origin %s', (origins) => {
    expect(() => loadPlatformConfig({ VIGIL_DEMO: 'on', VIGIL_SOCKET_ORIGINS: origins })).toThrow(/VIGIL_SOCKET_ORIGINS: comma-separated origins/);
  });
});
