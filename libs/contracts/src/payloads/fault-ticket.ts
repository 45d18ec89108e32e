import { z } from 'zod';
import { subjectTokenSchema } from './camera-health';

/** What is wrong with a camera, as an operator reports it or a health signal implies it. */
export const FAULT_SYMPTOMS = ['no-video', 'no-ptz-control', 'poor-image', 'obscured', 'damaged', 'power', 'network'] as const;
/** One of {@link FAULT_SYMPTOMS}. */
export type FaultSymptom = (typeof FAULT_SYMPTOMS)[number];

/** Emergency attendance (loss of image or control) or standard, each with its own response and fix times. */
export const FAULT_SEVERITIES = ['emergency', 'standard'] as const;
/** One of {@link FAULT_SEVERITIES}. */
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

/**
 * A ticket's lifecycle: reported → acknowledged → engineer on site → fixed → verified; reopened
 * goes round again. `merged` ends a camera's own ticket whose camera became a child of a site or
 * network outage's grouped ticket: the contractor works the one grouped ticket.
 */
export const TICKET_STATUSES = ['reported', 'acknowledged', 'engineer-on-site', 'fixed', 'verified', 'reopened', 'merged'] as const;
/** One of {@link TICKET_STATUSES}. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What a ticket covers: one camera, or every camera of a site or network segment that went down together. */
export const TICKET_SCOPES = ['camera', 'site', 'network'] as const;

/** Who raised the fault: a person over REST or the console, or the health watchdog from VMS signals. */
export const FAULT_ORIGINS = ['person', 'health-watchdog'] as const;

/** The engineer's fault report, required to mark a ticket fixed (the partnership reports on it). */
export const engineerReportSchema = z.object({
  engineer: z.string().trim().min(1).max(200),
  /** What was found. */
  cause: z.string().trim().min(3).max(2000),
  /** What was done. */
  work: z.string().trim().min(3).max(4000),
  partsReplaced: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});
/** An engineer's report. */
export type EngineerReport = z.infer<typeof engineerReportSchema>;

/** One SLA clock of a ticket: when it runs out, and whether it was met, warned or breached. */
export const slaClockSchema = z.object({
  /** The deadline: working time from the start, planned maintenance windows excluded. */
  dueAt: z.iso.datetime({ offset: true }),
  /** When the warning fires (by default 80% of the time used). */
  warnAt: z.iso.datetime({ offset: true }),
  /** When the clock was stopped by meeting it (on site for response, fixed for fix); null while running. */
  metAt: z.iso.datetime({ offset: true }).nullable(),
  warned: z.boolean(),
  breached: z.boolean(),
});
/** An SLA clock. */
export type SlaClock = z.infer<typeof slaClockSchema>;

/** A contractor's ticket, as every consumer outside faults sees it. */
export const faultTicketSchema = z.object({
  ticketId: z.uuid(),
  /** What the engineer reads out on the phone: FLT-2026-000123. */
  reference: z.string(),
  partnerId: z.string().nullable(),
  clientName: z.string().nullable(),
  town: z.string().nullable(),
  scope: z.enum(TICKET_SCOPES),
  /** The site or network segment of a grouped ticket; the camera's site otherwise. */
  siteId: z.string().nullable(),
  /** Every camera the ticket covers: one, or the children of a site or network outage. */
  cameraIds: z.array(subjectTokenSchema).min(1),
  symptom: z.enum(FAULT_SYMPTOMS),
  severity: z.enum(FAULT_SEVERITIES),
  /** Why this severity: the named rule, kept for the contractor's dispute and the audit. */
  severityReason: z.string(),
  origin: z.enum(FAULT_ORIGINS),
  description: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  reportedBy: z.string(),
  reportedAt: z.iso.datetime({ offset: true }),
  /** The contract whose response and fix times apply. */
  contract: z.string(),
  response: slaClockSchema,
  fix: slaClockSchema,
  engineerReport: engineerReportSchema.nullable(),
  verifiedAt: z.iso.datetime({ offset: true }).nullable(),
  reopenCount: z.number().int().min(0),
  updatedAt: z.iso.datetime({ offset: true }),
  /** 1 when opened, +1 per change; a consumer drops an event whose version is not newer. */
  version: z.number().int().min(1),
});
/** A fault ticket as published. */
export type FaultTicket = z.infer<typeof faultTicketSchema>;

/** Every change a ticket goes through after it opens; each is an event and a timeline entry. */
export const TICKET_CHANGES = [
  'acknowledged',
  'engineer-on-site',
  'fixed',
  'verified',
  'reopened',
  'camera-joined',
  'camera-recovered',
  'merged',
  'deadlines-moved',
  'response-warning',
  'response-breached',
  'fix-warning',
  'fix-breached',
] as const;
/** One of {@link TICKET_CHANGES}. */
export type TicketChange = (typeof TICKET_CHANGES)[number];

/** A ticket after a change: the whole ticket, what changed, by whom and why. */
export const faultTicketChangedSchema = faultTicketSchema.extend({
  change: z.enum(TICKET_CHANGES),
  /** `faults` for automatic changes (clocks, health), else the principal's subject. */
  changedBy: z.string(),
  changeReason: z.string().nullable(),
});
/** A ticket change as published. */
export type FaultTicketChanged = z.infer<typeof faultTicketChangedSchema>;
