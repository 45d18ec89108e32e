import type { EntityManager } from 'typeorm';
import { Alert, AlertKind, InhibitionRule, labelsMatch, Silence, SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS } from '../domain';
import { alertStore } from '../alerts/alert-store';

/** Injection token of {@link SilencesInForce}. */
export const SILENCES_IN_FORCE = Symbol('SILENCES_IN_FORCE');

/** The silences that may hold something back now (the silences store answers it). */
export interface SilencesInForce {
  /** Read in the caller's transaction: a flush already holds a connection and must not wait for another. */
  inForce(now: Date, manager: EntityManager): Promise<Silence[]>;
}

/** The inhibition rules notify applies: a site or network outage holds back its cameras' own faults. */
export const INHIBITION_RULES: readonly InhibitionRule[] = [SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS];

/**
 * The firing alerts that could inhibit any of `alerts`: read only when one of them is a rule's
 * target (a camera fault), and then only the kinds the rules' sources name, so an incident's
 * flush never reads the fault board.
 */
export async function inhibitionSourcesFor(manager: EntityManager, alerts: readonly Alert[]): Promise<Alert[]> {
  const rules = INHIBITION_RULES.filter((rule) => alerts.some((alert) => labelsMatch(rule.target, alert.labels)));
  const kinds = new Set<AlertKind>();
  for (const rule of rules) {
    for (const matcher of rule.source) if (matcher.label === 'kind' && 'equals' in matcher) kinds.add(matcher.equals as AlertKind);
  }
  return alertStore.firingOfKinds(manager, [...kinds]);
}
