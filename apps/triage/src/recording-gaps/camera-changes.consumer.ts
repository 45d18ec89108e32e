import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEvents, Outcome } from '@vigil/bus';
import { RecordCameraChangeUseCase } from './record-camera-change.usecase';

/** Thin adapter from faults' `camera.<owner>.<change>` events to recording gaps on open incidents. */
@Controller()
export class CameraChangesConsumer {
  constructor(private readonly recordCameraChange: RecordCameraChangeUseCase) {}

  @OnEvents(CONSUMERS.triageCameras, ['cameraChanged'])
  async onCameraChanged(message: EventMessage<'cameraChanged'>): Promise<HandlerOutcome> {
    const result = await this.recordCameraChange.execute(message.envelope.data);
    return Outcome.done(result.decision.reason);
  }
}
