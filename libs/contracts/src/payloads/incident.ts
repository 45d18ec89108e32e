import { z } from 'zod';
import { CALL_SOURCES } from '../reference/taxonomy';

/** Lifecycle states of an incident. */
export const INCIDENT_STATUSES = ['open', 'acknowledged', 'in-progress', 'closed'] as const;

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
  /**
   * The incident's version after the change this event announces: 1 when opened, +1 per change.
   * A consumer drops an event whose version is not newer than the one it already has.
   */
  version: z.number().int().min(1),
});
/** An incident as published. */
export type Incident = z.infer<typeof incidentSchema>;
