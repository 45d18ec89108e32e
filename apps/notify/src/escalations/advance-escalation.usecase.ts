import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { alertStore } from '../alerts/alert-store';
import { DeliverySender } from '../deliveries/delivery-sender';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { EscalationSteps } from './escalation-steps';

/** An escalation's timer fired: tell the next level, or escalate again an acknowledgement that saw no progress. */
@Injectable()
export class AdvanceEscalationUseCase {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly steps: EscalationSteps,
    private readonly sender: DeliverySender,
  ) {}

  async execute(fingerprint: string): Promise<{ reason: string }> {
    const now = new Date();
    const step = await this.dataSource.transaction(async (manager) => {
      const alert = await alertStore.byFingerprint(manager, fingerprint);
      return alert ? this.steps.move(manager, alert, { type: 'due' }, now) : null;
    });
    if (!step) return { reason: 'no-escalation' };
    this.sender.sendSoon(step.sends);
    return { reason: step.reason };
  }
}
