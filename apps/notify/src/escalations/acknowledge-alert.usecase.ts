import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { alertStore } from '../alerts/alert-store';
import type { EscalationState } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { EscalationSteps } from './escalation-steps';

/** Someone took it: from the console (a signed-in person) or a signed link in a message (the receiver it was sent to). */
export interface Acknowledgement {
  fingerprint: string;
  by: string;
  via: 'console' | 'link';
  /** The alert version the person saw (a link carries the one it was sent with); the newest when not given. */
  version?: number;
}

/** What came of it: the escalation's reason (`acknowledged`, `already-acknowledged`, `already-resolved`…) and where it now stands. */
export type AcknowledgeResult = { found: false } | { found: true; reference: string; outcome: string; escalation: EscalationState | null };

/**
 * Acknowledges an alert: its escalation stops at the level it reached and waits for progress
 * (see decideEscalation: acknowledge and resolve cannot race, and an acknowledgement from before a
 * reopening is void). Every acknowledgement is kept with its outcome, even one that changed nothing.
 */
@Injectable()
export class AcknowledgeAlertUseCase {
  private readonly logger = new Logger('Acknowledge');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly steps: EscalationSteps,
    private readonly sender: DeliverySender,
  ) {}

  async execute(acknowledgement: Acknowledgement): Promise<AcknowledgeResult> {
    const now = new Date();
    const result = await this.dataSource.transaction(async (manager) => {
      const alert = await alertStore.byFingerprint(manager, acknowledgement.fingerprint);
      if (!alert) return null;
      const input = { type: 'acknowledge' as const, by: acknowledgement.by, version: acknowledgement.version ?? alert.version };
      const step = await this.steps.move(manager, alert, input, now);
      const outcome = step?.reason ?? (alert.status === 'resolved' ? 'already-resolved' : 'no-escalation');
      await manager.query(
        `INSERT INTO "notify"."acknowledgement" ("fingerprint", "acknowledged_by", "acknowledged_at", "via", "outcome") VALUES ($1, $2, $3, $4, $5)`,
        [alert.fingerprint, acknowledgement.by, now, acknowledgement.via, outcome],
      );
      return { alert, step, outcome };
    });
    if (!result) return { found: false };
    this.sender.sendSoon(result.step?.sends ?? []);
    this.logger.log({ msg: 'acknowledged', fingerprint: acknowledgement.fingerprint, by: acknowledgement.by, via: acknowledgement.via, outcome: result.outcome });
    return { found: true, reference: result.alert.reference, outcome: result.outcome, escalation: result.step?.state ?? null };
  }
}
