import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSignInConfig } from './sign-in.config';

const roleMap = { claim: 'groups', roles: [{ value: 'vigil-police-control', role: 'police' }, { value: 'sbc-cctv', role: 'partner', partner: 'stevenage' }] };
const mapFile = join(mkdtempSync(join(tmpdir(), 'vigil-oidc-')), 'roles.json');
writeFileSync(mapFile, JSON.stringify(roleMap));

const base = {
  VIGIL_OIDC_ISSUER: 'https://login.microsoftonline.com/0b4f5d2e-tenant/v2.0',
  VIGIL_OIDC_CLIENT_ID: 'vigil-dashboard',
  VIGIL_OIDC_CLIENT_SECRET: 'a-client-secret',
  VIGIL_OIDC_REDIRECT_URL: 'https://vigil.example.gov.uk/auth/callback',
  VIGIL_OIDC_ROLE_MAP: JSON.stringify(roleMap),
};

describe('loadSignInConfig', () => {
  it('is off when no issuer is set', () => {
    expect(loadSignInConfig({})).toBeUndefined();
  });

  it('reads a confidential client with defaults', () => {
    expect(loadSignInConfig(base)).toEqual({
      issuer: new URL(base.VIGIL_OIDC_ISSUER),
      clientId: 'vigil-dashboard',
      clientSecret: 'a-client-secret',
      redirectUrl: new URL(base.VIGIL_OIDC_REDIRECT_URL),
      scopes: 'openid profile email',
      roleMap: { ...roleMap, subjectClaim: 'preferred_username' },
      sessionMaxSeconds: 28_800,
    });
  });

  it.each([
    ['a public client', { VIGIL_OIDC_CLIENT_SECRET: undefined }, { clientSecret: undefined }],
    ['the map from a file', { VIGIL_OIDC_ROLE_MAP: undefined, VIGIL_OIDC_ROLE_MAP_FILE: mapFile }, { roleMap: { ...roleMap, subjectClaim: 'preferred_username' } }],
    ['a loopback http provider', { VIGIL_OIDC_ISSUER: 'http://127.0.0.1:4000', VIGIL_OIDC_REDIRECT_URL: 'http://localhost:3000/auth/callback' },
      { issuer: new URL('http://127.0.0.1:4000') }],
    ['scopes and session maximum', { VIGIL_OIDC_SCOPES: 'openid profile groups', VIGIL_OIDC_SESSION_MAX_SECONDS: '3600' },
      { scopes: 'openid profile groups', sessionMaxSeconds: 3600 }],
  ])('reads %s', (_case, overrides, expected) => {
    expect(loadSignInConfig({ ...base, ...overrides })).toMatchObject(expected);
  });

  it.each([
    ['client settings without an issuer', { VIGIL_OIDC_ISSUER: undefined }, /VIGIL_OIDC_CLIENT_ID: set VIGIL_OIDC_ISSUER too.*\n.*VIGIL_OIDC_CLIENT_SECRET: set VIGIL_OIDC_ISSUER too/],
    ['no client id', { VIGIL_OIDC_CLIENT_ID: undefined }, /VIGIL_OIDC_CLIENT_ID: required with VIGIL_OIDC_ISSUER/],
    ['no redirect URL', { VIGIL_OIDC_REDIRECT_URL: undefined }, /VIGIL_OIDC_REDIRECT_URL: required/],
    ['an issuer that is not a URL', { VIGIL_OIDC_ISSUER: 'login.example' }, /VIGIL_OIDC_ISSUER: /],
    ['a plain http issuer elsewhere', { VIGIL_OIDC_ISSUER: 'http://idp.example.gov.uk' }, /VIGIL_OIDC_ISSUER: must be https \(http only for localhost\)/],
    ['scopes without openid', { VIGIL_OIDC_SCOPES: 'profile email' }, /VIGIL_OIDC_SCOPES: must include "openid"/],
    ['no role map', { VIGIL_OIDC_ROLE_MAP: undefined }, /VIGIL_OIDC_ROLE_MAP: set exactly one of/],
    ['both role map forms', { VIGIL_OIDC_ROLE_MAP_FILE: mapFile }, /VIGIL_OIDC_ROLE_MAP: set exactly one of/],
    ['a role map that is not JSON', { VIGIL_OIDC_ROLE_MAP: '{groups: police}' }, /VIGIL_OIDC_ROLE_MAP: not JSON/],
    ['a missing role map file', { VIGIL_OIDC_ROLE_MAP: undefined, VIGIL_OIDC_ROLE_MAP_FILE: '/nonexistent/roles.json' },
      /VIGIL_OIDC_ROLE_MAP_FILE: cannot read \/nonexistent\/roles.json: ENOENT/],
    ['an empty rule list', { VIGIL_OIDC_ROLE_MAP: '{"roles":[]}' }, /VIGIL_OIDC_ROLE_MAP.roles: list at least one rule/],
    ['an unknown role', { VIGIL_OIDC_ROLE_MAP: '{"roles":[{"value":"g","role":"admin"}]}' }, /VIGIL_OIDC_ROLE_MAP.roles.0.role: /],
    ['a partner rule without partner', { VIGIL_OIDC_ROLE_MAP: '{"roles":[{"value":"g","role":"partner"}]}' },
      /VIGIL_OIDC_ROLE_MAP.roles.0.partner: a partner rule needs "partner", one of stevenage, north-herts/],
    ['an unknown partner', { VIGIL_OIDC_ROLE_MAP: '{"roles":[{"value":"g","role":"partner","partner":"luton"}]}' }, /roles.0.partner: a partner rule needs/],
    ['a partner on a police rule', { VIGIL_OIDC_ROLE_MAP: '{"roles":[{"value":"g","role":"police","partner":"stevenage"}]}' },
      /roles.0.partner: only role "partner" takes a partner/],
    ['a misspelt key', { VIGIL_OIDC_ROLE_MAP: '{"roles":[{"value":"g","role":"police"}],"claims":"groups"}' }, /VIGIL_OIDC_ROLE_MAP: .*claims/],
    ['a session maximum over a day', { VIGIL_OIDC_SESSION_MAX_SECONDS: '100000' }, /VIGIL_OIDC_SESSION_MAX_SECONDS: /],
  ])('refuses %s', (_case, overrides, message) => {
    expect(() => loadSignInConfig({ ...base, ...overrides })).toThrow(message);
  });
});
