import { z } from 'zod';
import type { RoutingReadScope } from './routing-access';
import type { RoutingRulesVersion } from './routing-in-force';

/** What is named in a 409's message. */
export const ROUTING_REFERENCE = 'the routing rules';

/** A version of the rules as the API shows it; `config` is as submitted, or only the caller's own part (`scope: own`). */
export const routingViewSchema = z.object({
  reference: z.literal(ROUTING_REFERENCE),
  version: z.number().int().describe('0 before any rules were stored'),
  scope: z.enum(['whole', 'own']),
  config: z.record(z.string(), z.unknown()).nullable().describe('the routing config as submitted (durations as written); `own`: only `receivers` and `rules` that deliver to the caller'),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
/** One version of the rules over REST. */
export type RoutingView = z.infer<typeof routingViewSchema>;

/** Shown when no rules are stored yet: an edit of version 0 puts the first. */
export const NO_ROUTING: RoutingView = { reference: ROUTING_REFERENCE, version: 0, scope: 'whole', config: null, changedBy: null, changedAt: null, comment: null };

/** The view of a version a caller with `scope` is given. */
export function toRoutingView(rules: RoutingRulesVersion, scope: RoutingReadScope): RoutingView {
  const submitted = rules.submitted as { receivers: { name: string }[]; rules: { name: string }[] };
  const config =
    scope.kind === 'whole'
      ? (rules.submitted as Record<string, unknown>)
      : { receivers: submitted.receivers.filter((r) => scope.receivers.includes(r.name)), rules: submitted.rules.filter((r) => scope.rules.includes(r.name)) };
  return { reference: ROUTING_REFERENCE, version: rules.version, scope: scope.kind, config, changedBy: rules.changedBy, changedAt: rules.changedAt.toISOString(), comment: rules.comment };
}
