import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { CameraChanged } from '@vigil/contracts';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { lockIncidents } from '../lifecycle/incident-rows';
import { recordChange } from '../lifecycle/record-change';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { decideRecordingGap, RecordingGapDecision } from './domain/decide-recording-gap';

/** What a camera change did: the decision and the incidents whose timeline got an entry. */
export interface CameraChangeResult {
  decision: RecordingGapDecision;
  incidentIds: string[];
}

/**
 * A camera changed in the register. When it went down (faulty) every open incident it is on gets a
 * recording gap with its start; when it came back, each of its open gaps ends. Each is an incident
 * change like an operator's (version, timeline entry, incidentChanged in the outbox), so consoles
 * see it. Idempotent: the camera's newest version taken is kept, row-locked, in the same transaction.
 */
@Injectable()
export class RecordCameraChangeUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
  ) {}

  async execute(camera: CameraChanged, now = new Date()): Promise<CameraChangeResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<CameraChangeResult> => {
      const known = await this.lockVersion(manager, camera.cameraId);
      const decision = decideRecordingGap(known, camera);
      if (decision.reason === 'repeat' || decision.reason === 'stale') return { decision, incidentIds: [] };
      await manager.query(`UPDATE "triage"."camera_version" SET "version" = $2 WHERE "camera_id" = $1`, [camera.cameraId, camera.version]);
      const at = new Date(camera.updatedAt);
      if (decision.action === 'start') return { decision, incidentIds: await this.startGaps(manager, camera.cameraId, at, now) };
      if (decision.action === 'end') return { decision, incidentIds: await this.endGaps(manager, camera.cameraId, at, now) };
      return { decision, incidentIds: [] };
    });
    decisions.inc({ app: 'triage', decision: 'recording-gap', reason: result.decision.reason });
    if (result.incidentIds.length > 0) this.outbox.kick();
    return result;
  }

  /** The camera's newest version taken (undefined before its first), its row locked so changes of one camera take turns. */
  private async lockVersion(manager: EntityManager, cameraId: string): Promise<number | undefined> {
    // Version 0 is "none taken yet": the row exists to be locked before the first change is written.
    await manager.query(`INSERT INTO "triage"."camera_version" ("camera_id", "version") VALUES ($1, 0) ON CONFLICT DO NOTHING`, [cameraId]);
    const [row]: { version: number }[] = await manager.query(`SELECT "version" FROM "triage"."camera_version" WHERE "camera_id" = $1 FOR UPDATE`, [cameraId]);
    return row.version === 0 ? undefined : row.version;
  }

  private async startGaps(manager: EntityManager, cameraId: string, startedAt: Date, now: Date): Promise<string[]> {
    const open: { id: string }[] = await manager.query(
      `SELECT "id" FROM "triage"."incident" WHERE "cameras" @> $1::jsonb AND "status" <> 'closed' AND "merged_into" IS NULL`,
      [JSON.stringify([cameraId])],
    );
    const incidents = await lockIncidents(manager, open.map((row) => row.id));
    const changed: string[] = [];
    for (const incident of incidents.values()) {
      if (incident.status === 'closed') continue;
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "triage"."recording_gap" ("incident_id", "camera_id", "started_at") VALUES ($1, $2, $3)
         ON CONFLICT ("camera_id", "incident_id") WHERE "ended_at" IS NULL DO NOTHING RETURNING "id"`,
        [incident.id, cameraId, startedAt],
      );
      if (inserted.length === 0) continue;
      await recordChange(manager, this.publisher, {
        before: incident,
        change: 'recording-gap-started',
        patch: {},
        actor: 'triage',
        reason: 'camera-went-down',
        detail: { cameraId, startedAt: startedAt.toISOString(), endedAt: null },
        now,
      });
      changed.push(incident.id);
    }
    return changed;
  }

  private async endGaps(manager: EntityManager, cameraId: string, endedAt: Date, now: Date): Promise<string[]> {
    const gaps: { incident_id: string; started_at: Date }[] = await manager.query(
      `SELECT "incident_id", "started_at" FROM "triage"."recording_gap" WHERE "camera_id" = $1 AND "ended_at" IS NULL`,
      [cameraId],
    );
    const incidents = await lockIncidents(manager, gaps.map((gap) => gap.incident_id));
    for (const gap of gaps) {
      const end = new Date(Math.max(endedAt.getTime(), gap.started_at.getTime()));
      await manager.query(`UPDATE "triage"."recording_gap" SET "ended_at" = $3 WHERE "camera_id" = $1 AND "incident_id" = $2 AND "ended_at" IS NULL`, [cameraId, gap.incident_id, end]);
      // A gap that began while the incident was open ends on its timeline even if the incident has closed since: the record is whole.
      await recordChange(manager, this.publisher, {
        before: incidents.get(gap.incident_id)!,
        change: 'recording-gap-ended',
        patch: {},
        actor: 'triage',
        reason: 'camera-came-back',
        detail: { cameraId, startedAt: gap.started_at.toISOString(), endedAt: end.toISOString() },
        now,
      });
    }
    return gaps.map((gap) => gap.incident_id);
  }
}
