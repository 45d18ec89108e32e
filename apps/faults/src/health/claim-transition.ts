import { EntityManager } from 'typeorm';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraTransition } from './camera-health-board';
import { transitionMoment } from './transition-key';

const CONDITION_AFTER = { 'went-down': 'down', 'started-flapping': 'flapping', 'came-up': 'up', 'stopped-flapping': 'steady' } as const;

/**
 * One writer per camera across replicas. Every replica reads every signal and judges every camera
 * (a replica that dies loses nothing another does not also hold), so each transition reaches
 * Postgres once per replica; this upsert lets the first one through and no other. It writes the
 * camera's health row only when the transition is later than the one stored (by the signals' own
 * times, so every replica's copy of a transition is the same moment): a second replica's copy of
 * the same transition, or a lagging replica's, or a restarted one replaying the stream, finds the
 * row at or past that moment and writes nothing. The row lock serialises the copies; the caller
 * does the transition's work in the same transaction, so the claim and its ticket commit together.
 * Chosen over an advisory lock (which says who writes now, not what was written already) and over
 * partitioning cameras among replicas (NATS 2.9 cannot partition a stream, and a replica's death
 * would leave its cameras unsupervised until its share moved).
 */
export async function claimTransition(manager: EntityManager, change: CameraTransition, writtenBy: string, now: Date): Promise<boolean> {
  const { at, rank } = transitionMoment(change.transition);
  const problem = 'problem' in change.transition ? change.transition.problem : null;
  const rows: { version: number }[] = await manager.query(
    `INSERT INTO "${FAULTS_SCHEMA}"."camera_health" AS h
       ("camera_id", "vms_id", "condition", "problem", "last_transition", "changed_at", "changed_rank", "written_by", "written_at", "version")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
     ON CONFLICT ("camera_id") DO UPDATE SET
       "vms_id" = excluded."vms_id", "condition" = excluded."condition", "problem" = excluded."problem",
       "last_transition" = excluded."last_transition", "changed_at" = excluded."changed_at", "changed_rank" = excluded."changed_rank",
       "written_by" = excluded."written_by", "written_at" = excluded."written_at", "version" = h."version" + 1
     WHERE (h."changed_at", h."changed_rank") < (excluded."changed_at", excluded."changed_rank")
     RETURNING "version"`,
    [change.cameraId, change.vmsId, CONDITION_AFTER[change.transition.kind], problem, change.transition.kind, new Date(at), rank, writtenBy, now],
  );
  return rows.length === 1;
}
