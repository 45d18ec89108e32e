import { z } from 'zod';
import { parseConfig } from '@vigil/config';
import { DemoGatewayOptions } from './demo-gateway';

const schema = z.object({
  VIGIL_NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  VIGIL_BUS_NAMESPACE: z.string().default(''),
  VIGIL_DEMO_GATEWAY_ID: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-" (it is a subject token)').default('demo-airwave'),
  VIGIL_DEMO_INTERVAL_MS: z.coerce.number().int().min(10).default(3000),
  VIGIL_DEMO_SEED: z.coerce.number().int().default(20261123),
});

/** Parses the demo gateway's environment once, at start-up. */
export function loadDemoGatewayConfig(env: Record<string, string | undefined> = process.env): DemoGatewayOptions {
  const raw = parseConfig(schema, env);
  return {
    natsUrl: raw.VIGIL_NATS_URL,
    namespace: raw.VIGIL_BUS_NAMESPACE,
    gatewayId: raw.VIGIL_DEMO_GATEWAY_ID,
    intervalMs: raw.VIGIL_DEMO_INTERVAL_MS,
    seed: raw.VIGIL_DEMO_SEED,
  };
}
