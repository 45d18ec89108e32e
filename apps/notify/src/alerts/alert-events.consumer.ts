import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEvents, Outcome } from '@vigil/bus';
import { TakeAlertEventUseCase } from './take-alert-event.usecase';

/** Thin adapters from triage's incidents, faults' tickets and ingest's source supervision to notify's alerts. */
@Controller()
export class AlertEventsConsumer {
  constructor(private readonly take: TakeAlertEventUseCase) {}

  @OnEvents(CONSUMERS.notifyIncidents, ['incidentOpened', 'incidentChanged'])
  async onIncident(message: EventMessage<'incidentOpened' | 'incidentChanged'>): Promise<HandlerOutcome> {
    return Outcome.done((await this.take.execute({ type: 'incident', incident: message.envelope.data })).reason);
  }

  @OnEvents(CONSUMERS.notifyFaults, ['ticketOpened', 'ticketChanged'])
  async onTicket(message: EventMessage<'ticketOpened' | 'ticketChanged'>): Promise<HandlerOutcome> {
    return Outcome.done((await this.take.execute({ type: 'fault', ticket: message.envelope.data })).reason);
  }

  @OnEvents(CONSUMERS.notifySources, ['sourceStateChanged'])
  async onSource(message: EventMessage<'sourceStateChanged'>): Promise<HandlerOutcome> {
    return Outcome.done((await this.take.execute({ type: 'supervision', source: message.envelope.data })).reason);
  }
}
