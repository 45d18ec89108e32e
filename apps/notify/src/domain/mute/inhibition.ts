import { z } from 'zod';
import { ALERT_LABEL_NAMES, Alert, labelValue } from '../alerts/alert';
import { labelsMatch, matcherSchema } from '../routing/matcher';
import { configNameSchema } from '../routing/receiver';
import { Muter, NOT_MUTED } from './muter';

/** While a firing alert matches `source`, alerts matching `target` with the same `equal` labels are held back. */
export const inhibitionRuleSchema = z.strictObject({
  name: configNameSchema,
  source: z.array(matcherSchema).min(1),
  target: z.array(matcherSchema).min(1),
  /** Labels the two must share, each present: "its cameras", not every camera. */
  equal: z.array(z.enum(ALERT_LABEL_NAMES)).min(1),
});
/** One inhibition rule. */
export type InhibitionRule = z.infer<typeof inhibitionRuleSchema>;

/** A site or network outage ticket suppresses the single-camera faults at that site: the contractor fixes the cause once. */
export const SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS: InhibitionRule = {
  name: 'site-outage-suppresses-camera-faults',
  source: [{ label: 'kind', equals: 'fault' }, { label: 'scope', in: ['site', 'network'] }],
  target: [{ label: 'kind', equals: 'fault' }, { label: 'scope', equals: 'camera' }],
  equal: ['site'],
};

/** Mutes an alert that a firing alert inhibits through a rule; an alert never inhibits itself. */
export function inhibitor(rules: readonly InhibitionRule[], firing: readonly Alert[]): Muter {
  return {
    mutes(alert: Alert) {
      for (const rule of rules) {
        if (!labelsMatch(rule.target, alert.labels)) continue;
        const cause = firing.find((source) => source.status === 'firing' && source.fingerprint !== alert.fingerprint && labelsMatch(rule.source, source.labels) && sharesLabels(rule, source, alert));
        if (cause) return { muted: true, reason: 'inhibited', by: `${rule.name}:${cause.fingerprint}` };
      }
      return NOT_MUTED;
    },
  };
}

function sharesLabels(rule: InhibitionRule, source: Alert, target: Alert): boolean {
  return rule.equal.every((name) => labelValue(source.labels, name) !== '' && labelValue(source.labels, name) === labelValue(target.labels, name));
}
