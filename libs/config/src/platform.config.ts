import { z } from 'zod';
import { authSecretProblem, DEMO_AUTH_SECRET } from './auth-secret';

/** Who may read `/metrics` and `/api/docs`: anyone, control-room staff (police or operator token), or nobody (not served). */
export type OpsEndpoints = 'public' | 'staff' | 'off';

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const originList = z
  .string()
  .default('')
  .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
  .refine((origins) => origins.every(isOrigin), 'comma-separated origins such as https://vigil.example.org (scheme, host, port; no path)');

function secretProblemOf(env: Record<string, unknown>): string | undefined {
  const secret = typeof env.VIGIL_AUTH_SECRET === 'string' ? env.VIGIL_AUTH_SECRET : undefined;
  return authSecretProblem(secret, env.VIGIL_DEMO === 'on');
}

/** Settings every Vigil process needs, whichever apps it runs. */
export const platformConfigSchema = z
  .object({
    VIGIL_DEMO: z.enum(['on', 'off']).default('off'),
    VIGIL_NATS_URL: z.string().default('nats://127.0.0.1:4222'),
    VIGIL_BUS_NAMESPACE: z.string().regex(/^([a-z][a-z0-9_-]*)?$/, 'lower-case letters, digits, "_" or "-"').default(''),
    VIGIL_DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/vigil'),
    VIGIL_AUTH_SECRET: z.string().optional(),
    VIGIL_OPS_ENDPOINTS: z.enum(['public', 'staff', 'off']).optional(),
    VIGIL_SOCKET_ORIGINS: originList,
    VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    VIGIL_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    VIGIL_STARTUP_WAIT_SECONDS: z.coerce.number().int().min(0).optional(),
    // JetStream keeps an odd number of copies so a majority survives; 3 in a cluster, 1 on a single server.
    VIGIL_STREAM_REPLICAS: z.coerce.number().int().refine((n) => [1, 3, 5].includes(n), 'must be 1, 3 or 5').default(1),
  })
  // Checked even when other settings are wrong (`when`), so one start-up names every problem.
  .refine((env) => secretProblemOf(env) === undefined, {
    path: ['VIGIL_AUTH_SECRET'],
    when: () => true,
    error: (issue) => secretProblemOf(issue.input as Record<string, unknown>),
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
  /** Demo mode (`VIGIL_DEMO=on`, which `npm start` sets): demo secret allowed, demo feed, sign-in links printed. */
  demo: boolean;
  natsUrl: string;
  busNamespace: string;
  databaseUrl: string;
  authSecret: string;
  opsEndpoints: OpsEndpoints;
  /** Origins besides the page's own that may open a dashboard socket. */
  socketOrigins: string[];
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
  const demo = raw.VIGIL_DEMO === 'on';
  return {
    demo,
    natsUrl: raw.VIGIL_NATS_URL,
    busNamespace: raw.VIGIL_BUS_NAMESPACE,
    databaseUrl: raw.VIGIL_DATABASE_URL,
    authSecret: raw.VIGIL_AUTH_SECRET || DEMO_AUTH_SECRET,
    // A demo is looked at in a browser; a deployment is scraped by Prometheus with a staff token.
    opsEndpoints: raw.VIGIL_OPS_ENDPOINTS ?? (demo ? 'public' : 'staff'),
    socketOrigins: raw.VIGIL_SOCKET_ORIGINS,
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
