import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseConfig } from '@vigil/config';
import { PARTNERS } from '@vigil/contracts';
import { RoleMap } from './claims-to-principal';

/** OpenID Connect sign-in of the dashboard; absent when VIGIL_OIDC_ISSUER is not set. */
export interface SignInConfig {
  issuer: URL;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  redirectUrl: URL;
  scopes: string;
  roleMap: RoleMap;
  sessionMaxSeconds: number;
}

const PARTNER_IDS = PARTNERS.map((p) => p.id);

const ruleSchema = z
  .object({
    value: z.string().min(1),
    role: z.enum(['police', 'operator', 'supervisor', 'partner', 'contractor']),
    partner: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.role === 'partner' && !PARTNER_IDS.includes(rule.partner ?? ''))
      ctx.addIssue({ code: 'custom', path: ['partner'], message: `a partner rule needs "partner", one of ${PARTNER_IDS.join(', ')}` });
    if (rule.role !== 'partner' && rule.partner !== undefined)
      ctx.addIssue({ code: 'custom', path: ['partner'], message: `only role "partner" takes a partner` });
  });

const roleMapSchema = z
  .object({
    claim: z.string().min(1).default('groups'),
    subjectClaim: z.string().min(1).default('preferred_username'),
    roles: z.array(ruleSchema).min(1, 'list at least one rule'),
  })
  .strict();

function parseJson(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
    return z.NEVER;
  }
}

const jsonText = z.string().transform(parseJson);

const jsonFile = z.string().transform((path, ctx) => {
  try {
    return parseJson(readFileSync(path, 'utf8'), ctx);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return z.NEVER;
  }
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const signInSchema = z
  .object({
    VIGIL_OIDC_ISSUER: z.url().optional(),
    VIGIL_OIDC_CLIENT_ID: z.string().min(1).optional(),
    VIGIL_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    VIGIL_OIDC_REDIRECT_URL: z.url().optional(),
    VIGIL_OIDC_SCOPES: z
      .string()
      .default('openid profile email')
      .refine((scopes) => scopes.split(/\s+/).includes('openid'), 'must include "openid"'),
    VIGIL_OIDC_ROLE_MAP: jsonText.pipe(roleMapSchema).optional(),
    VIGIL_OIDC_ROLE_MAP_FILE: jsonFile.pipe(roleMapSchema).optional(),
    VIGIL_OIDC_SESSION_MAX_SECONDS: z.coerce.number().int().min(60).max(86_400).default(28_800),
  })
  .superRefine((env, ctx) => {
    const need = (variable: keyof typeof env, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (!env.VIGIL_OIDC_ISSUER) {
      for (const variable of ['VIGIL_OIDC_CLIENT_ID', 'VIGIL_OIDC_CLIENT_SECRET', 'VIGIL_OIDC_REDIRECT_URL', 'VIGIL_OIDC_ROLE_MAP', 'VIGIL_OIDC_ROLE_MAP_FILE'] as const)
        if (env[variable] !== undefined) need(variable, 'set VIGIL_OIDC_ISSUER too, or remove this');
      return;
    }
    // Tokens and codes must not cross a network in clear; plain http is only for a provider on this machine (tests, development).
    for (const variable of ['VIGIL_OIDC_ISSUER', 'VIGIL_OIDC_REDIRECT_URL'] as const) {
      const url = env[variable] && URL.canParse(env[variable]) ? new URL(env[variable]) : undefined;
      if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
        need(variable, 'must be https (http only for localhost)');
    }
    if (!env.VIGIL_OIDC_CLIENT_ID) need('VIGIL_OIDC_CLIENT_ID', 'required with VIGIL_OIDC_ISSUER');
    if (!env.VIGIL_OIDC_REDIRECT_URL) need('VIGIL_OIDC_REDIRECT_URL', 'required with VIGIL_OIDC_ISSUER: the dashboard URL + /auth/callback');
    if (!env.VIGIL_OIDC_ROLE_MAP === !env.VIGIL_OIDC_ROLE_MAP_FILE)
      need('VIGIL_OIDC_ROLE_MAP', 'set exactly one of VIGIL_OIDC_ROLE_MAP (JSON) or VIGIL_OIDC_ROLE_MAP_FILE (path to JSON)');
  });

/** Parses the OpenID Connect settings once, at start-up; undefined when sign-in is off (tokens only). */
export function loadSignInConfig(env: Record<string, string | undefined>): SignInConfig | undefined {
  const raw = parseConfig(signInSchema, env);
  const roleMap = raw.VIGIL_OIDC_ROLE_MAP ?? raw.VIGIL_OIDC_ROLE_MAP_FILE;
  if (!raw.VIGIL_OIDC_ISSUER || !raw.VIGIL_OIDC_CLIENT_ID || !raw.VIGIL_OIDC_REDIRECT_URL || !roleMap) return undefined;
  return {
    issuer: new URL(raw.VIGIL_OIDC_ISSUER),
    clientId: raw.VIGIL_OIDC_CLIENT_ID,
    clientSecret: raw.VIGIL_OIDC_CLIENT_SECRET,
    redirectUrl: new URL(raw.VIGIL_OIDC_REDIRECT_URL),
    scopes: raw.VIGIL_OIDC_SCOPES,
    roleMap,
    sessionMaxSeconds: raw.VIGIL_OIDC_SESSION_MAX_SECONDS,
  };
}
