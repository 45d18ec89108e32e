import { z } from 'zod';
import { CALL_SOURCES } from '../reference/taxonomy';

/** Lifecycle states of an incident. */
export const INCIDENT_STATUSES = ['open', 'acknowledged', 'in-progress', 'closed'] as const;

/**
 * Whose incident it is: a partner's (partnerId set), a client of the company's (kept apart, never
 * shown to a partner), or not yet placed (the control room sees it as "needs a location").
 */
export const INCIDENT_PLACEMENTS = ['partner', 'client', 'unplaced'] as const;
/** One of {@link INCIDENT_PLACEMENTS}. */
export type IncidentPlacement = (typeof INCIDENT_PLACEMENTS)[number];

/** THRIVE: the police risk assessment an operator records and may re-assess (each element free text). */
export const thriveSchema = z.object({
  threat: z.string().max(2000),
  harm: z.string().max(2000),
  risk: z.string().max(2000),
  investigation: z.string().max(2000),
  vulnerability: z.string().max(2000),
  engagement: z.string().max(2000),
});
/** One THRIVE assessment. */
export type Thrive = z.infer<typeof thriveSchema>;

/** How an incident ended, as the partnership's statistics count it. */
export const incidentOutcomeSchema = z.object({
  arrests: z.number().int().min(0).max(1000),
  policeAttended: z.boolean(),
  footageRequested: z.boolean(),
  noFurtherAction: z.boolean(),
  /** What happened, in the operator's words. */
  summary: z.string().max(4000).nullable(),
});
/** An incident's outcome. */
export type IncidentOutcome = z.infer<typeof incidentOutcomeSchema>;

/** A person being monitored on camera: the code of practice requires the reason to be recorded. */
export const monitoringSchema = z.object({
  subject: z.string().min(1).max(500),
  reason: z.string().min(1).max(2000),
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
});
/** One monitoring record. */
export type Monitoring = z.infer<typeof monitoringSchema>;

/** The public view of an incident, as every consumer outside triage sees it. */
export const incidentSchema = z.object({
  incidentId: z.uuid(),
  reference: z.string(),
  category: z.string(),
  subcategory: z.string().nullable(),
  partnerId: z.string().nullable(),
  town: z.string().nullable(),
  callSource: z.enum(CALL_SOURCES),
  grade: z.number().int().min(1).max(5),
  status: z.enum(INCIDENT_STATUSES),
  summary: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  openedAt: z.iso.datetime({ offset: true }),
  /** Why triage chose this category, grade and place: kept for the operator and the audit. */
  triageReasons: z.array(z.string()),
  placement: z.enum(INCIDENT_PLACEMENTS),
  /** The company's client (outside the partnership) when placement is `client`. */
  clientName: z.string().nullable(),
  /** The operator who has it. */
  assignee: z.string().nullable(),
  /** The force's own incident number, once police have one. */
  policeReference: z.string().nullable(),
  /** Cameras used on the incident, by camera id. */
  cameras: z.array(z.string()),
  /** The latest THRIVE assessment; earlier ones stay on the timeline. */
  thrive: thriveSchema.nullable(),
  /** Everyone recorded as monitored, each with its reason. */
  monitoring: z.array(monitoringSchema),
  outcome: incidentOutcomeSchema.nullable(),
  /** Calls on the incident (1 when opened; more as correlated calls join). */
  callCount: z.number().int().min(0),
  lastCallAt: z.iso.datetime({ offset: true }),
  /** When the grade's target time runs out (null when the grade has none). */
  respondBy: z.iso.datetime({ offset: true }).nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Set when an operator merged this incident into another; it is then closed. */
  mergedInto: z.uuid().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  /**
   * The incident's version after the change this event announces: 1 when opened, +1 per change.
   * A consumer drops an event whose version is not newer than the one it already has.
   */
  version: z.number().int().min(1),
});
/** An incident as published. */
export type Incident = z.infer<typeof incidentSchema>;

/** Every kind of change an incident goes through after it opens; each is an event and a timeline entry. */
export const INCIDENT_CHANGES = [
  'call-added',
  'restored',
  'acknowledged',
  'assigned',
  'started',
  'regraded',
  'reclassified',
  'relocated',
  'noted',
  'thrive-assessed',
  'cameras-recorded',
  'police-reference-recorded',
  'monitoring-recorded',
  'merged',
  'call-split-out',
  'closed',
  'reopened',
  // A camera on the incident went down (a fault opened: it is not recording) and, later, came back.
  'recording-gap-started',
  'recording-gap-ended',
] as const;
/** One of {@link INCIDENT_CHANGES}. */
export type IncidentChange = (typeof INCIDENT_CHANGES)[number];

/** Whose incident it is (partner, client or unplaced), without any detail of the place. */
export const incidentOwnerSchema = incidentSchema.pick({ partnerId: true, placement: true });
/** An incident's owner, as subjects and dashboard rooms are chosen from it. */
export type IncidentOwner = z.infer<typeof incidentOwnerSchema>;

/** An incident after a change: the whole view (so a consumer needs nothing else) and what changed, by whom, why. */
export const incidentChangedSchema = incidentSchema.extend({
  change: z.enum(INCIDENT_CHANGES),
  /** `triage` for automatic changes, else the principal's subject. */
  changedBy: z.string(),
  changeReason: z.string().nullable(),
  /**
   * The owner before this change, present only when the change moved the incident to another
   * owner: whoever could see it before and may not now is told it was withdrawn, by every dashboard
   * replica and every replay alike, with no memory of earlier events needed.
   */
  previousOwner: incidentOwnerSchema.optional(),
});
/** An incident change as published. */
export type IncidentChanged = z.infer<typeof incidentChangedSchema>;

/** Subject token for an incident's owner: the partner, `clients` for the company's clients, else `unassigned`. */
export function incidentOwnerToken(incident: IncidentOwner): string {
  if (incident.partnerId) return incident.partnerId;
  return incident.placement === 'client' ? 'clients' : 'unassigned';
}
