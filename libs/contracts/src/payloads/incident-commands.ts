import { z } from 'zod';
import { CALL_SOURCES } from '../reference/taxonomy';
import { INCIDENT_STATUSES, incidentOutcomeSchema, Incident, thriveSchema } from './incident';

/*
 * What an operator asks of an incident over REST (POST /api/incidents/:id/<command>). Every
 * command that changes the record names the version the operator was looking at: when the
 * incident has moved on, triage answers 409 with the current incident ({@link StaleIncidentResponse})
 * instead of merging, so the console can show what changed. Changes that must be justified carry
 * a reason.
 */

const version = z.number().int().min(1);
const reason = z.string().trim().min(3, 'give a reason').max(2000);

/** POST …/acknowledge: the control room has seen it. */
export const acknowledgeIncidentSchema = z.object({ version });
/** POST …/assign: an operator takes it (assignee null hands it back). */
export const assignIncidentSchema = z.object({ version, assignee: z.string().trim().min(1).max(200).nullable() });
/** POST …/start: work is in progress. */
export const startIncidentSchema = z.object({ version });
/** POST …/regrade. */
export const regradeIncidentSchema = z.object({ version, grade: z.number().int().min(1).max(4), reason });
/** POST …/reclassify into the partnership taxonomy. */
export const reclassifyIncidentSchema = z.object({ version, category: z.string().min(1), subcategory: z.string().min(1).nullable(), reason });
/** POST …/locate: place it with a partner and town, or with one of the company's clients. */
export const locateIncidentSchema = z.object({
  version,
  partnerId: z.string().min(1).nullable(),
  town: z.string().min(1).nullable(),
  clientName: z.string().min(1).nullable(),
  reason,
});
/** POST …/notes: partners may add notes to their own incidents; a note never conflicts, so no version. */
export const addNoteSchema = z.object({ text: z.string().trim().min(1).max(4000) });
/** POST …/thrive: a (re-)assessment; earlier ones stay on the timeline. */
export const assessThriveSchema = thriveSchema.extend({ version });
/** POST …/cameras: the cameras used (the whole list). */
export const recordCamerasSchema = z.object({ version, cameras: z.array(z.string().trim().min(1).max(100)).max(200) });
/** POST …/police-reference: the force's incident number. */
export const recordPoliceReferenceSchema = z.object({ version, policeReference: z.string().trim().min(1).max(100) });
/** POST …/monitoring: someone is being monitored; the code of practice requires the reason. */
export const recordMonitoringSchema = z.object({ version, subject: z.string().trim().min(1).max(500), reason });
/** POST …/merge: this incident joins another (both versions checked); this one closes as merged. */
export const mergeIncidentSchema = z.object({ version, intoIncidentId: z.uuid(), intoVersion: version, reason });
/** POST …/split: a call that was wrongly joined becomes an incident of its own. */
export const splitCallSchema = z.object({ version, callKey: z.string().min(1), reason });
/** POST …/close with the outcome. */
export const closeIncidentSchema = z.object({ version, outcome: incidentOutcomeSchema });
/** POST …/reopen. */
export const reopenIncidentSchema = z.object({ version, reason });

/** Body of a 409: the incident as it is now, and the version the caller sent. */
export interface StaleIncidentResponse {
  statusCode: 409;
  message: string;
  sentVersion: number;
  current: Incident;
}

/** GET /api/incidents query: filters combine with AND; `q` searches reference, summary and notes. */
export const incidentListQuerySchema = z.object({
  partnerId: z.string().optional(),
  town: z.string().optional(),
  category: z.string().optional(),
  grade: z.coerce.number().int().min(1).max(4).optional(),
  source: z.enum(CALL_SOURCES).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  /** `open` = every status but closed (the board). */
  board: z.enum(['open', 'all']).optional(),
  placement: z.enum(['partner', 'client', 'unplaced']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed list query. */
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

/** One entry of GET /api/incidents/:id/timeline: every call, decision and change, never deleted. */
export interface TimelineEntry {
  at: string;
  /** A change kind ({@link IncidentChange}), `opened`, or `call-joined`. */
  kind: string;
  /** `triage` for automatic decisions, else the principal's subject. */
  actor: string;
  reason: string | null;
  /** The version the change produced. */
  version: number | null;
  detail: Record<string, unknown>;
}

/** A call as the incident pane lists it (GET /api/incidents/:id/calls). */
export interface IncidentCall {
  callKey: string;
  source: (typeof CALL_SOURCES)[number];
  receivedAt: string;
  summary: string;
  /** Why correlation put the call on this incident (or opened it). */
  reason: string;
}
