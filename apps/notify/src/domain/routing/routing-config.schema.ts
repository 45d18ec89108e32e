import { z } from 'zod';
import { ALERT_LABEL_NAMES } from '../alerts/alert';
import { durationSchema } from './duration';
import { matcherSchema } from './matcher';
import { configNameSchema, receiverSchema } from './receiver';

/** Group by these labels, or `...` alone for one group per alert. */
const groupBySchema = z.union([z.tuple([z.literal('...')]), z.array(z.enum(ALERT_LABEL_NAMES))]);

/**
 * The route's receiver is told first; each step then waits `after` and tells the next level, unless
 * someone acknowledged. After the last level the policy goes round again (the route's receiver
 * first, one first-step wait later) `repeat` more times.
 */
export const escalationPolicySchema = z.strictObject({
  name: configNameSchema,
  steps: z.array(z.strictObject({ after: durationSchema, notify: z.array(configNameSchema).min(1) })).min(1),
  repeat: z.number().int().min(0).max(10).default(0),
  /** How long an acknowledged alert may go without progress (started, engineer on site) before it escalates again. */
  progressTimeout: durationSchema,
});
/** One escalation policy. */
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/**
 * One routing rule. Rules form a tree by naming their children, so a rule can be edited alone over
 * the API; what a rule leaves out it inherits from its parent, and the root from `defaults`.
 */
export const routingRuleSchema = z.strictObject({
  name: configNameSchema,
  matchers: z.array(matcherSchema).default([]),
  receiver: configNameSchema.optional(),
  /** Keep looking at the next sibling after this rule matched. */
  continue: z.boolean().default(false),
  groupBy: groupBySchema.optional(),
  groupWait: durationSchema.optional(),
  groupInterval: durationSchema.optional(),
  repeatInterval: durationSchema.optional(),
  escalation: configNameSchema.optional(),
  routes: z.array(configNameSchema).default([]),
});
/** One routing rule. */
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** Alertmanager's defaults: wait 30 s for a new group, 5 min between a group's messages, repeat after 4 h. */
const defaultsSchema = z
  .strictObject({
    groupBy: groupBySchema.default(['kind', 'partner']),
    groupWait: durationSchema.default(30_000),
    groupInterval: durationSchema.default(300_000),
    repeatInterval: durationSchema.default(14_400_000),
  })
  .prefault({});

/** The routing file and the API's body: receivers, escalation policies and the rule tree from `root`. */
export const routingConfigSchema = z.strictObject({
  receivers: z.array(receiverSchema).min(1),
  escalationPolicies: z.array(escalationPolicySchema).default([]),
  defaults: defaultsSchema,
  root: configNameSchema,
  rules: z.array(routingRuleSchema).min(1),
});
/** A routing config as parsed (durations in milliseconds). */
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
