import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEvents, Outcome } from '@vigil/bus';
import { TakeMaintenanceWindowUseCase } from './take-maintenance-window.usecase';

/** Thin adapter from faults' maintenance windows to notify's copy of them. */
@Controller()
export class MaintenanceWindowsConsumer {
  constructor(private readonly take: TakeMaintenanceWindowUseCase) {}

  @OnEvents(CONSUMERS.notifyMaintenanceWindows, ['maintenanceWindowChanged'])
  async onWindow(message: EventMessage<'maintenanceWindowChanged'>): Promise<HandlerOutcome> {
    return Outcome.done(await this.take.execute(message.envelope.data));
  }
}
