import { z } from 'zod';

/** Settings every Vigil process needs, whichever apps it runs. */
export const platformConfigSchema = z.object({
  VIGIL_NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  VIGIL_BUS_NAMESPACE: z.string().regex(/^([a-z][a-z0-9_-]*)?$/, 'lower-case letters, digits, "_" or "-"').default(''),
  VIGIL_DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/vigil'),
  VIGIL_AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').default('vigil-demo-secret-change-me'),
  VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  VIGIL_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  VIGIL_STARTUP_WAIT_SECONDS: z.coerce.number().int().min(0).optional(),
  // JetStream keeps an odd number of copies so a majority survives; 3 in a cluster, 1 on a single server.
  VIGIL_STREAM_REPLICAS: z.coerce.number().int().refine((n) => [1, 3, 5].includes(n), 'must be 1, 3 or 5').default(1),
});

/** Raised when the environment does not describe a runnable process; the message lists every problem. */
export class ConfigError extends Error {}

/** Parses a config schema from an environment once, naming each bad variable and why. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
  throw new ConfigError(`Vigil cannot start, its environment is not valid:\n${problems}`);
}

/** Platform settings in the shape the libs take. */
export interface PlatformConfig {
  natsUrl: string;
  busNamespace: string;
  databaseUrl: string;
  authSecret: string;
  logLevel: z.infer<typeof platformConfigSchema>['VIGIL_LOG_LEVEL'];
  logPretty: boolean;
  /** How long to wait for NATS and Postgres at start-up before giving up; undefined: for as long as it takes. */
  startupWaitSeconds?: number;
  /** Copies JetStream keeps of each stream Vigil provisions (its consumers inherit it). */
  streamReplicas: number;
}

/** Reads the platform settings from an environment. */
export function loadPlatformConfig(env: Record<string, string | undefined>): PlatformConfig {
  const raw = parseConfig(platformConfigSchema, env);
  return {
    natsUrl: raw.VIGIL_NATS_URL,
    busNamespace: raw.VIGIL_BUS_NAMESPACE,
    databaseUrl: raw.VIGIL_DATABASE_URL,
    authSecret: raw.VIGIL_AUTH_SECRET,
    logLevel: raw.VIGIL_LOG_LEVEL,
    logPretty: raw.VIGIL_LOG_FORMAT === 'pretty',
    startupWaitSeconds: raw.VIGIL_STARTUP_WAIT_SECONDS,
    streamReplicas: raw.VIGIL_STREAM_REPLICAS,
  };
}

/** Reads an HTTP port variable with a default. */
export function loadHttpPort(env: Record<string, string | undefined>, variable: string, fallback: number): number {
  return parseConfig(z.object({ [variable]: z.coerce.number().int().min(0).max(65535).default(fallback) }), env)[variable] as number;
}
