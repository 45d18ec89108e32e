import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEventBatch, Outcome } from '@vigil/bus';
import { AlertEvent } from './alert-from-event';
import { TakeAlertEventsUseCase, TakeResult } from './take-alert-events.usecase';

/** Events taken in one transaction at most: a burst of hundreds costs a few commits, not hundreds. */
const EVENTS_PER_TRANSACTION = 100;
/**
 * Transactions in progress at once per consumer: while one batch waits on Postgres the next is
 * worked out. Events about one alert still apply one at a time (an advisory lock), as across
 * replicas; 2 × 100 stays within each consumer's 256 unacknowledged messages.
 */
const TRANSACTIONS_IN_PARALLEL = 2;
const BATCH = { max: EVENTS_PER_TRANSACTION, parallel: TRANSACTIONS_IN_PARALLEL };

/** Thin adapters from triage's incidents, faults' tickets and ingest's source supervision to notify's alerts, a batch at a time. */
@Controller()
export class AlertEventsConsumer {
  constructor(private readonly take: TakeAlertEventsUseCase) {}

  @OnEventBatch(CONSUMERS.notifyIncidents, ['incidentOpened', 'incidentChanged'], BATCH)
  async onIncidents(messages: EventMessage<'incidentOpened' | 'incidentChanged'>[]): Promise<HandlerOutcome[]> {
    return this.takeAll(messages.map((message) => ({ type: 'incident', incident: message.envelope.data })));
  }

  @OnEventBatch(CONSUMERS.notifyFaults, ['ticketOpened', 'ticketChanged'], BATCH)
  async onTickets(messages: EventMessage<'ticketOpened' | 'ticketChanged'>[]): Promise<HandlerOutcome[]> {
    return this.takeAll(messages.map((message) => ({ type: 'fault', ticket: message.envelope.data })));
  }

  @OnEventBatch(CONSUMERS.notifySources, ['sourceStateChanged'], BATCH)
  async onSources(messages: EventMessage<'sourceStateChanged'>[]): Promise<HandlerOutcome[]> {
    return this.takeAll(messages.map((message) => ({ type: 'supervision', source: message.envelope.data })));
  }

  private async takeAll(events: AlertEvent[]): Promise<HandlerOutcome[]> {
    return (await this.take.execute(events)).map(outcomeOf);
  }
}

function outcomeOf(result: TakeResult): HandlerOutcome {
  // Rolled back alone; the rest of the batch committed. Redelivered into a later batch.
  if (result.kind === 'failed') return Outcome.retry(`could not take alert event: ${result.reason}`);
  return Outcome.done(result.reason);
}
