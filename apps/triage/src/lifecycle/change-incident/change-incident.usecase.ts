import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { toIncidentView } from '../../incidents/incident-view';
import { DEFAULT_TRIAGE_POLICY } from '../../policy/triage-policy';
import { TRIAGE_OPTIONS, TriageOptions } from '../../triage.options';
import { TRIAGE_SCHEMA } from '../../triage.schema';
import { checkCommand } from '../check-command';
import { applyCommand } from '../domain/apply-command';
import { SingleIncidentCommand } from '../domain/lifecycle-command';
import { lockIncidents } from '../incident-rows';
import { LifecycleResult } from '../lifecycle-result';
import { recordChange } from '../record-change';

/**
 * Runs an operator's command on one incident (every command but merge and split): the incident is
 * locked, checked (see checkCommand), changed, and the change recorded with its timeline entry
 * and event, in one transaction. A note names no version: it never conflicts with anything.
 */
@Injectable()
export class ChangeIncidentUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
    @Inject(TRIAGE_OPTIONS) private readonly options: TriageOptions,
  ) {}

  async execute(principal: Principal, incidentId: string, command: SingleIncidentCommand, now = new Date()): Promise<LifecycleResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<LifecycleResult> => {
      const incident = (await lockIncidents(manager, [incidentId])).get(incidentId);
      const sentVersion = 'version' in command.body ? command.body.version : undefined;
      const checked = checkCommand(principal, incident, incidentId, command.name, sentVersion);
      if (!checked.ok) return checked.result;
      const grades = (this.options.policy ?? DEFAULT_TRIAGE_POLICY).grading;
      const applied = applyCommand(incident!, command, checked.status, principal.subject, now, grades);
      if (!applied.ok) return { kind: 'refused', reason: applied.reason, message: applied.message };
      const after = await recordChange(manager, this.publisher, { before: incident!, ...applied, actor: principal.subject, now });
      return { kind: 'changed', incident: toIncidentView(after) };
    });
    decisions.inc({ app: 'triage', decision: `incident-${command.name}`, reason: result.kind === 'refused' ? result.reason : result.kind });
    if (result.kind === 'changed') this.outbox.kick();
    return result;
  }
}
