import { z } from 'zod';
import { loadHttpPort, loadPlatformConfig, parseConfig, PlatformConfig } from '@vigil/config';
import { IngestOptions } from './ingest.options';

/** Settings of ingest when it runs as its own process. */
export interface IngestConfig {
  platform: PlatformConfig;
  httpPort: number;
  ingest: IngestOptions;
}

const port = z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]);

const ingestSchema = z.object({
  VIGIL_DC09_HOST: z.string().default('0.0.0.0'),
  VIGIL_DC09_TCP_PORT: port.default(10500),
  VIGIL_DC09_UDP_PORT: port.default(10500),
  VIGIL_DC09_UNKNOWN_CODES: z.enum(['duh', 'ack-and-flag']).default('duh'),
  VIGIL_DC09_SUPERVISION_CHECK_MS: z.coerce.number().int().min(50).default(30_000),
  VIGIL_DC09_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(120),
  // Minutes, not hours: a panel retries a lost ACK within seconds to a few minutes.
  VIGIL_DC09_RESEND_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  VIGIL_DC09_ACCOUNT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  VIGIL_GATEWAY_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).default(30),
  VIGIL_SUPERVISION_TICK_MS: z.coerce.number().int().min(50).default(5_000),
  VIGIL_GATEWAY_SECRETS: z
    .string()
    .default('')
    .transform((text, context) => {
      const pairs = text.split(',').map((p) => p.trim()).filter(Boolean);
      const secrets: Record<string, string> = {};
      for (const pair of pairs) {
        const [id, secret] = pair.split('=');
        if (!id || !secret || secret.length < 16) {
          context.addIssue({ code: 'custom', message: 'expected gatewayId=secret pairs, comma separated, secrets of 16+ characters' });
          return z.NEVER;
        }
        secrets[id] = secret;
      }
      return secrets;
    }),
});

/** Parses the ingest module's options from an environment (also used by the embedded process). */
export function loadIngestOptions(env: Record<string, string | undefined>, databaseUrl: string): IngestOptions {
  const raw = parseConfig(ingestSchema, env);
  const orNull = (value: number | 'off') => (value === 'off' ? null : value);
  return {
    databaseUrl,
    dc09: {
      host: raw.VIGIL_DC09_HOST,
      tcpPort: orNull(raw.VIGIL_DC09_TCP_PORT),
      udpPort: orNull(raw.VIGIL_DC09_UDP_PORT),
      unknownCodePolicy: raw.VIGIL_DC09_UNKNOWN_CODES,
      supervisionCheckMs: raw.VIGIL_DC09_SUPERVISION_CHECK_MS,
      idleTimeoutSeconds: raw.VIGIL_DC09_IDLE_TIMEOUT_SECONDS,
      resendWindowSeconds: raw.VIGIL_DC09_RESEND_WINDOW_SECONDS,
      accountCacheSeconds: raw.VIGIL_DC09_ACCOUNT_CACHE_SECONDS,
    },
    gatewayHeartbeatSeconds: raw.VIGIL_GATEWAY_HEARTBEAT_SECONDS,
    supervisionTickMs: raw.VIGIL_SUPERVISION_TICK_MS,
    gatewaySecrets: raw.VIGIL_GATEWAY_SECRETS,
  };
}

/** Parses ingest's environment once, at start-up. */
export function loadIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  const platform = loadPlatformConfig(env);
  return { platform, httpPort: loadHttpPort(env, 'VIGIL_INGEST_PORT', 3001), ingest: loadIngestOptions(env, platform.databaseUrl) };
}
