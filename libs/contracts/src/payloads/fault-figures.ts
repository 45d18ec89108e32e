import { z } from 'zod';
import { FAULT_SEVERITIES, FAULT_SYMPTOMS, FAULT_ORIGINS, TICKET_STATUSES } from './fault-ticket';

/** A calendar day (midnight in London, the partnership's reporting time) or an instant with its offset. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The longest period one figures request may cover: three years of quarters. */
export const FIGURES_MAX_DAYS = 3 * 366;

/** GET /api/fault-figures/...: the period (`from` inclusive, `to` exclusive) and, instead of `Accept: text/csv`, `format=csv`. */
export const faultFiguresQuerySchema = z
  .object({
    from: dayOrInstant.describe('start of the period: 2026-01-01 (midnight in London) or an ISO instant with offset'),
    to: dayOrInstant.describe('end of the period, exclusive: 2026-04-01 is up to the end of 31 March'),
    format: z.enum(['json', 'csv']).optional().describe('csv: the same rows as text/csv (or send Accept: text/csv)'),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= FIGURES_MAX_DAYS * 86_400_000, { message: `at most ${FIGURES_MAX_DAYS} days`, path: ['to'] });
/** A parsed figures query. */
export type FaultFiguresQuery = z.infer<typeof faultFiguresQuerySchema>;

const instant = z.iso.datetime({ offset: true });

/** One ticket in a camera's fault history: when each step happened and how it ended. */
export const cameraFaultHistoryRowSchema = z.object({
  cameraId: z.string(),
  ticketId: z.uuid(),
  reference: z.string(),
  symptom: z.enum(FAULT_SYMPTOMS),
  severity: z.enum(FAULT_SEVERITIES),
  origin: z.enum(FAULT_ORIGINS),
  reportedAt: instant,
  acknowledgedAt: instant.nullable().describe('the first acknowledgement'),
  onSiteAt: instant.nullable().describe('the latest attendance (engineer on site, or the fix when it was remote)'),
  fixedAt: instant.nullable().describe('the latest fix'),
  verifiedAt: instant.nullable(),
  downUntil: instant.nullable().describe("when this camera's fault closed (the fix verified); null while it is down"),
  status: z.enum(TICKET_STATUSES),
  responseBreached: z.boolean().describe('the attendance deadline was missed, in any round'),
  fixBreached: z.boolean().describe('the fix deadline was missed, in any round'),
  reopenCount: z.number().int(),
  cause: z.string().nullable().describe("the engineer's report: what was found"),
  work: z.string().nullable().describe("the engineer's report: what was done"),
});
/** A row of a camera's fault history. */
export type CameraFaultHistoryRow = z.infer<typeof cameraFaultHistoryRowSchema>;

/** Mean time to respond and to repair for one owner, or `all`. */
export const responseTimesRowSchema = z.object({
  owner: z.string().describe('a partner id, a client name, or "all"'),
  tickets: z.number().int().describe('tickets reported in the period'),
  responded: z.number().int().describe('of which attended'),
  meanRespondMinutes: z.number().nullable().describe('report → engineer on site (or remote fix), planned maintenance excluded'),
  repaired: z.number().int().describe('of which fixed'),
  meanRepairMinutes: z.number().nullable().describe('report → fixed, planned maintenance excluded'),
});
/** A response-times row. */
export type ResponseTimesRow = z.infer<typeof responseTimesRowSchema>;

/** A camera's availability over the period. */
export const cameraAvailabilityRowSchema = z.object({
  cameraId: z.string(),
  number: z.string(),
  owner: z.string(),
  scheduledHours: z.number().describe('the period (from the camera\'s registration, up to now) less planned maintenance'),
  downHours: z.number().describe('time with a fault open (until its fix was verified) inside the scheduled time'),
  availabilityPercent: z.number().nullable().describe('up time over scheduled time; null when nothing was scheduled'),
});
/** A camera availability row. */
export type CameraAvailabilityRow = z.infer<typeof cameraAvailabilityRowSchema>;

/** An owner's cameras' availability over the period, each camera weighted by its scheduled time. */
export const ownerAvailabilityRowSchema = z.object({
  owner: z.string(),
  cameras: z.number().int(),
  scheduledHours: z.number(),
  downHours: z.number(),
  availabilityPercent: z.number().nullable(),
});
/** An owner availability row. */
export type OwnerAvailabilityRow = z.infer<typeof ownerAvailabilityRowSchema>;

/** Faults reported in one quarter (London time) for one owner. */
export const faultsPerQuarterRowSchema = z.object({
  quarter: z.string().describe('2026-Q2: April to June, from midnight in London'),
  owner: z.string(),
  tickets: z.number().int().describe('tickets reported in the quarter (a site outage is one)'),
  cameraFaults: z.number().int().describe('cameras those tickets covered'),
});
/** A faults-per-quarter row. */
export type FaultsPerQuarterRow = z.infer<typeof faultsPerQuarterRowSchema>;

/** SLA breaches recorded in one month (London time) for one owner. */
export const breachesPerMonthRowSchema = z.object({
  month: z.string().describe('2026-04'),
  owner: z.string(),
  responseBreaches: z.number().int().describe('attendance deadlines missed in the month'),
  fixBreaches: z.number().int().describe('fix deadlines missed in the month'),
});
/** A breaches-per-month row. */
export type BreachesPerMonthRow = z.infer<typeof breachesPerMonthRowSchema>;
