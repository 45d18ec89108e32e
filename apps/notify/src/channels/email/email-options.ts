import { z } from 'zod';
import { parseConfig } from '@vigil/config';
import { hasCredentials, isLoopback } from './smtp-url';

/** What the e-mail channel needs, parsed once at start-up by {@link emailChannelOptionsFrom}. */
export interface EmailChannelOptions {
  /** `smtp://host:587` (STARTTLS when offered) or `smtps://user:password@host:465`; nodemailer's query options apply (`?requireTLS=true`). */
  smtpUrl: string;
  /** The sender: `vigil@cctv.example.gov.uk` or `Vigil CCTV <vigil@cctv.example.gov.uk>`. */
  from: string;
  /** How long one attempt may take, connection and replies included; a slower server is tried again later. */
  timeoutMs: number;
}

const SMTP_URL_EXAMPLE = 'such as smtps://user:password@mail.example.gov.uk:465';

/** Never echoes the value: the URL may hold a password. */
const smtpUrl = z.string().superRefine((text, ctx) => {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '')
    return void ctx.addIssue({ code: 'custom', message: `must be an smtp:// or smtps:// URL, ${SMTP_URL_EXAMPLE}` });
  // Over smtp:// nodemailer upgrades with STARTTLS only when the server offers it; a password must not depend on that.
  if (url.protocol === 'smtp:' && hasCredentials(url) && !isLoopback(url) && url.searchParams.get('requireTLS') !== 'true')
    ctx.addIssue({ code: 'custom', message: 'sends a password: use smtps://, or add ?requireTLS=true so it never goes in clear' });
});

const ADDRESS = /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/;
/** A bare address or `Display Name <address>`. */
const fromAddress = z.string().refine((text) => {
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(text.trim());
  return ADDRESS.test(named ? named[1] : text.trim());
}, 'must be an address, such as vigil@cctv.example.gov.uk or "Vigil CCTV <vigil@cctv.example.gov.uk>"');

const emailSchema = z
  .object({
    VIGIL_SMTP_URL: smtpUrl.optional(),
    VIGIL_SMTP_FROM: fromAddress.optional(),
    VIGIL_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (!env.VIGIL_SMTP_URL && env.VIGIL_SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['VIGIL_SMTP_FROM'], message: 'set VIGIL_SMTP_URL too, or remove this' });
    if (env.VIGIL_SMTP_URL && !env.VIGIL_SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['VIGIL_SMTP_FROM'], message: 'required with VIGIL_SMTP_URL: the address alerts come from' });
  });

/** The e-mail channel's options from the environment; undefined when `VIGIL_SMTP_URL` is not set (no e-mail). Throws a ConfigError naming each bad variable. */
export function emailChannelOptionsFrom(env: Record<string, string | undefined>): EmailChannelOptions | undefined {
  const raw = parseConfig(emailSchema, env);
  if (!raw.VIGIL_SMTP_URL || !raw.VIGIL_SMTP_FROM) return undefined;
  return { smtpUrl: raw.VIGIL_SMTP_URL, from: raw.VIGIL_SMTP_FROM.trim(), timeoutMs: raw.VIGIL_SMTP_TIMEOUT_MS };
}
