import type { SupervisedSourceKind } from '@vigil/contracts';

/**
 * One fingerprint per real thing, from the producer's own identity rather than a hash of labels:
 * a re-graded or relocated incident is still the same incident, and must not notify as a new one.
 */
export const fingerprintOf = {
  incident: (incidentId: string) => `incident:${incidentId}`,
  fault: (ticketId: string) => `fault:${ticketId}`,
  supervision: (sourceKind: SupervisedSourceKind, sourceId: string) => `supervision:${sourceKind}:${sourceId}`,
};
