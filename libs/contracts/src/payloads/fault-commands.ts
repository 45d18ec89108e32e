import { z } from 'zod';
import { subjectTokenSchema } from './camera-health';
import { engineerReportSchema, FAULT_SEVERITIES, FAULT_SYMPTOMS, FaultTicket, TICKET_STATUSES } from './fault-ticket';

/*
 * What people ask of faults over REST. Every command that moves a ticket names the version the
 * caller saw; a caller that is behind gets 409 with the ticket as it is now ({@link StaleTicketResponse}).
 */

const version = z.number().int().min(1);
const reason = z.string().trim().min(3, 'give a reason').max(2000);

/** POST /api/faults: an operator (or police, or an engineer) reports a camera fault. */
export const reportFaultSchema = z.object({
  cameraId: subjectTokenSchema,
  symptom: z.enum(FAULT_SYMPTOMS),
  description: z.string().trim().max(4000).nullable().default(null),
  /** The incident the fault was seen on, when reported from one (a recording gap goes on its timeline). */
  incidentId: z.uuid().nullable().default(null),
  /** The same key twice is one report (a double-clicked form). */
  clientReference: z.string().trim().min(1).max(100).nullable().default(null),
});
/** A fault report. */
export type ReportFault = z.infer<typeof reportFaultSchema>;

/** POST /api/tickets/:id/acknowledge: the contractor has the ticket. */
export const acknowledgeTicketSchema = z.object({ version });
/** POST /api/tickets/:id/on-site: the engineer is at the camera (meets the response clock). */
export const engineerOnSiteSchema = z.object({ version, engineer: z.string().trim().min(1).max(200) });
/** POST /api/tickets/:id/fixed: the engineer's report is required (meets the fix clock). */
export const fixTicketSchema = z.object({ version, report: engineerReportSchema });
/** POST /api/tickets/:id/verify: the control room sees the picture back; the cameras return to service. */
export const verifyTicketSchema = z.object({ version });
/** POST /api/tickets/:id/reopen: the fix did not hold. */
export const reopenTicketSchema = z.object({ version, reason });

/** Body of a 409: the ticket as it is now, and the version the caller sent. */
export interface StaleTicketResponse {
  statusCode: 409;
  message: string;
  sentVersion: number;
  current: FaultTicket;
}

/** What a planned maintenance window covers: one camera, a site, or every camera of an owner. */
export const MAINTENANCE_SCOPES = ['camera', 'site', 'owner'] as const;

/** POST /api/maintenance-windows: planned work; the SLA clocks of the tickets it covers stop while it lasts. */
export const createMaintenanceWindowSchema = z
  .object({
    scope: z.enum(MAINTENANCE_SCOPES),
    /** The camera id, site id, or partner id / client name, as the scope says. */
    target: z.string().trim().min(1).max(200),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    reason,
  })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] });
/** A window to create. */
export type CreateMaintenanceWindow = z.infer<typeof createMaintenanceWindowSchema>;

/** POST /api/maintenance-windows/:id/cancel. */
export const cancelMaintenanceWindowSchema = z.object({ version, reason });

/** A planned maintenance window as the API lists it. */
export const maintenanceWindowSchema = z.object({
  windowId: z.uuid(),
  scope: z.enum(MAINTENANCE_SCOPES),
  target: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
  createdBy: z.string(),
  cancelledAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int().min(1),
});
/** A maintenance window. */
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

/** GET /api/tickets query: filters combine with AND; `board=open` is every ticket not verified, soonest deadline first. */
export const ticketListQuerySchema = z.object({
  partnerId: z.string().optional(),
  cameraId: z.string().optional(),
  siteId: z.string().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  severity: z.enum(FAULT_SEVERITIES).optional(),
  board: z.enum(['open', 'all']).optional(),
  breached: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed ticket list query. */
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

/** GET /api/maintenance-windows query. */
export const maintenanceWindowListQuerySchema = z.object({
  scope: z.enum(MAINTENANCE_SCOPES).optional(),
  target: z.string().optional(),
  /** Windows that have not ended by this time (default: now). */
  activeAfter: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed window list query. */
export type MaintenanceWindowListQuery = z.infer<typeof maintenanceWindowListQuerySchema>;
