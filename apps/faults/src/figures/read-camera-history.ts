import { EntityManager } from 'typeorm';
import { CameraFaultHistoryRow, EngineerReport, FaultSeverity, FaultSymptom, TicketStatus } from '@vigil/contracts';
import { FiguresScope } from '../domain/figures/figures-access';
import { Interval } from '../domain/working-time';
import { cameraInScope, scopeParams } from './figures-scope';

interface HistoryRow {
  camera_id: string;
  ticket_id: string;
  reference: string;
  symptom: FaultSymptom;
  severity: FaultSeverity;
  origin: CameraFaultHistoryRow['origin'];
  reported_at: Date;
  acknowledged_at: Date | null;
  response_met_at: Date | null;
  fix_met_at: Date | null;
  verified_at: Date | null;
  closed_at: Date | null;
  status: TicketStatus;
  response_breached: boolean;
  fix_breached: boolean;
  reopen_count: number;
  engineer_report: EngineerReport | null;
}

// A reopen starts the clocks again and clears the ticket's breach flags; the timeline keeps every round's breach.
const HISTORY_SQL = `
  SELECT f."camera_id", t."id" AS ticket_id, t."reference", f."symptom", t."severity", f."origin", t."reported_at",
         (SELECT min(e."at") FROM "faults"."ticket_timeline" e WHERE e."ticket_id" = t."id" AND e."kind" = 'acknowledged') AS acknowledged_at,
         t."response_met_at", t."fix_met_at", t."verified_at", f."closed_at", t."status", t."reopen_count", t."engineer_report",
         EXISTS (SELECT 1 FROM "faults"."ticket_timeline" e WHERE e."ticket_id" = t."id" AND e."kind" = 'response-breached') AS response_breached,
         EXISTS (SELECT 1 FROM "faults"."ticket_timeline" e WHERE e."ticket_id" = t."id" AND e."kind" = 'fix-breached') AS fix_breached
  FROM "faults"."fault" f
  JOIN "faults"."ticket" t ON t."id" = f."ticket_id"
  WHERE f."camera_id" = $1 AND t."reported_at" >= $2 AND t."reported_at" < $3
  ORDER BY t."reported_at", t."reference"`;

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** Whether the camera is one the scope may see (a missing camera is not). */
export async function cameraVisible(manager: EntityManager, cameraId: string, scope: FiguresScope): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM "faults"."camera" c WHERE c."camera_id" = $1 AND ${cameraInScope('c', '$2', '$3')}`, [cameraId, ...scopeParams(scope)]);
  return rows.length > 0;
}

/** Every ticket that covered the camera, reported in the period, oldest first, with its times and how it ended. */
export async function readCameraHistory(manager: EntityManager, cameraId: string, period: Interval): Promise<CameraFaultHistoryRow[]> {
  const rows: HistoryRow[] = await manager.query(HISTORY_SQL, [cameraId, new Date(period.start), new Date(period.end)]);
  return rows.map((row) => ({
    cameraId: row.camera_id,
    ticketId: row.ticket_id,
    reference: row.reference,
    symptom: row.symptom,
    severity: row.severity,
    origin: row.origin,
    reportedAt: row.reported_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    onSiteAt: iso(row.response_met_at),
    fixedAt: iso(row.fix_met_at),
    verifiedAt: iso(row.verified_at),
    downUntil: iso(row.closed_at),
    status: row.status,
    responseBreached: row.response_breached,
    fixBreached: row.fix_breached,
    reopenCount: row.reopen_count,
    cause: row.engineer_report?.cause ?? null,
    work: row.engineer_report?.work ?? null,
  }));
}
