import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { emailChannelOptionsFrom } from './channels/email';
import { smsChannelOptionsFrom } from './channels/sms';
import { NotifyOptions } from './notify.options';
import { readRoutingFile } from './routing/read-routing-file';

/** Settings of notify when it runs as its own process. */
export interface NotifyConfig {
  platform: PlatformConfig;
  httpPort: number;
  notify: NotifyOptions;
}

const notifySchema = z.object({
  /** YAML or JSON; the first version of the routing rules when none is stored. */
  VIGIL_NOTIFY_ROUTING_FILE: z.string().min(1).optional(),
  /** How often a replica picks up rules another replica recorded. */
  VIGIL_NOTIFY_ROUTING_REFRESH_MS: z.coerce.number().int().min(10).max(600_000).optional(),
  /** Where people reach Vigil (the dashboard): acknowledgement links in messages point there. */
  VIGIL_NOTIFY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs acknowledgement links; without it (and the public URL) messages carry no link. */
  VIGIL_NOTIFY_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** How long one webhook attempt may take. */
  VIGIL_NOTIFY_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
});

/** Only variables named for it can be a webhook's secret: a rule cannot sign with the database password. */
const WEBHOOK_SECRET_NAME = /^[A-Z][A-Z0-9_]*WEBHOOK_SECRET$/;

/** The webhook secrets the environment holds, by name. */
export function webhookSecretsFrom(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => WEBHOOK_SECRET_NAME.test(entry[0]) && !!entry[1]));
}

/** The notify module's options from an environment and the platform's (also used by the embedded process); the routing file is validated here. */
export function loadNotifyOptions(env: Record<string, string | undefined>, platform: Pick<PlatformConfig, 'databaseUrl'>): NotifyOptions {
  const raw = parseConfig(notifySchema, env);
  // Half a link setting is a mistake, not a choice: say so at start-up rather than send messages without links.
  if (!raw.VIGIL_NOTIFY_PUBLIC_URL !== !raw.VIGIL_NOTIFY_LINK_SECRET) {
    throw new Error('acknowledgement links need both VIGIL_NOTIFY_PUBLIC_URL and VIGIL_NOTIFY_LINK_SECRET (or neither, for no links)');
  }
  return {
    databaseUrl: platform.databaseUrl,
    ...(raw.VIGIL_NOTIFY_ROUTING_FILE && { routingFile: readRoutingFile(raw.VIGIL_NOTIFY_ROUTING_FILE) }),
    ...(raw.VIGIL_NOTIFY_ROUTING_REFRESH_MS && { routingRefreshMs: raw.VIGIL_NOTIFY_ROUTING_REFRESH_MS }),
    ...(raw.VIGIL_NOTIFY_PUBLIC_URL && raw.VIGIL_NOTIFY_LINK_SECRET && { acknowledgeLinks: { publicUrl: raw.VIGIL_NOTIFY_PUBLIC_URL, secret: raw.VIGIL_NOTIFY_LINK_SECRET } }),
    channels: {
      webhookSecrets: webhookSecretsFrom(env),
      ...(raw.VIGIL_NOTIFY_WEBHOOK_TIMEOUT_MS && { webhookTimeoutMs: raw.VIGIL_NOTIFY_WEBHOOK_TIMEOUT_MS }),
      email: emailChannelOptionsFrom(env),
      sms: smsChannelOptionsFrom(env),
    },
  };
}

/** Parses notify's environment once, at start-up. */
export function loadNotifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_NOTIFY_PORT', 3004), notify: loadNotifyOptions(env, platform) };
}
