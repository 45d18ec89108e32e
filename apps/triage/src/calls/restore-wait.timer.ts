import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { PairOrRecordRestoreUseCase } from './pair-or-record-restore.usecase';
import { RESTORE_WAIT, RestoreWaitPayload } from './restore-pairing';

/** Thin adapter from the restore-wait timer to the pair-or-record use case. */
@Injectable()
export class RestoreWaitTimer {
  constructor(@Inject(timersToken(TRIAGE_SCHEMA)) timers: AppTimers, pairOrRecord: PairOrRecordRestoreUseCase) {
    timers.handle<RestoreWaitPayload>(RESTORE_WAIT, async (timer) => TimerResult.done((await pairOrRecord.execute(timer.payload.callKey)).kind));
  }
}
