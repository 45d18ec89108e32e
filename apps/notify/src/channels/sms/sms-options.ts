import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseConfig } from '@vigil/config';

/** What the SMS/pager channel needs, parsed once at start-up by {@link smsChannelOptionsFrom}. */
export interface SmsChannelOptions {
  /** Where the JSON is POSTed: https, or http to a gateway on this machine. */
  gatewayUrl: string;
  /** Sent as `Authorization: Bearer …`; never logged. */
  token: string;
  /** How long one attempt may take, response included; a slower gateway is tried again later. */
  timeoutMs: number;
  /** Injected so specs can read Retry-After dates against a chosen time. */
  now?: () => Date;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A bearer token must not cross a network in clear: plain http only to this machine (tests, a local relay). */
const gatewayUrl = z.string().superRefine((text, ctx) => {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol)) return void ctx.addIssue({ code: 'custom', message: 'must be an https:// URL, such as https://sms.example.gov.uk/v1/messages' });
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) ctx.addIssue({ code: 'custom', message: 'must be https (http only for localhost): it carries a bearer token' });
});

/** The file's content without its final newline; never echoed, it is the token. */
const tokenFile = z.string().transform((path, ctx) => {
  try {
    const token = readFileSync(path, 'utf8').trim();
    if (token === '') ctx.addIssue({ code: 'custom', message: `${path} is empty` });
    return token;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return z.NEVER;
  }
});

const smsSchema = z
  .object({
    VIGIL_SMS_GATEWAY_URL: gatewayUrl.optional(),
    VIGIL_SMS_GATEWAY_TOKEN: z.string().trim().min(1, 'is empty').optional(),
    VIGIL_SMS_GATEWAY_TOKEN_FILE: tokenFile.optional(),
    VIGIL_SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    const need = (variable: keyof typeof env, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (!env.VIGIL_SMS_GATEWAY_URL) {
      for (const variable of ['VIGIL_SMS_GATEWAY_TOKEN', 'VIGIL_SMS_GATEWAY_TOKEN_FILE'] as const)
        if (env[variable] !== undefined) need(variable, 'set VIGIL_SMS_GATEWAY_URL too, or remove this');
      return;
    }
    if ((env.VIGIL_SMS_GATEWAY_TOKEN === undefined) === (env.VIGIL_SMS_GATEWAY_TOKEN_FILE === undefined))
      need('VIGIL_SMS_GATEWAY_TOKEN', 'set exactly one of VIGIL_SMS_GATEWAY_TOKEN or VIGIL_SMS_GATEWAY_TOKEN_FILE (a file holding the token)');
  });

/** The SMS/pager channel's options from the environment; undefined when `VIGIL_SMS_GATEWAY_URL` is not set (no SMS). Throws a ConfigError naming each bad variable. */
export function smsChannelOptionsFrom(env: Record<string, string | undefined>): SmsChannelOptions | undefined {
  const raw = parseConfig(smsSchema, env);
  const token = raw.VIGIL_SMS_GATEWAY_TOKEN ?? raw.VIGIL_SMS_GATEWAY_TOKEN_FILE;
  if (!raw.VIGIL_SMS_GATEWAY_URL || !token) return undefined;
  return { gatewayUrl: raw.VIGIL_SMS_GATEWAY_URL, token, timeoutMs: raw.VIGIL_SMS_GATEWAY_TIMEOUT_MS };
}
