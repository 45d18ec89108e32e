import { channelFanoutStage } from './channel-fanout.stage';
import { dedupStage } from './dedup.stage';
import { multiStage } from './multi-stage';
import { muteStage } from './mute.stage';
import { PlannedDelivery, planDelivery } from './planned-delivery';
import type { Held, Notification, Stage, StageContext } from './stage';

/**
 * The notify pipeline, assembled in one place (Alertmanager's PipelineBuilder.New): a flushed group
 * is muted by maintenance windows, then inhibition, then silences; fans out to the receiver's
 * channels; and each channel is de-duplicated against its notification log entry. Retry and
 * record are effects, done by the delivery adapter with `decideRetry` and the planned log entry.
 */
export function buildNotifyPipeline(): Stage {
  return multiStage('notify', [
    muteStage('maintenance', (context) => context.muters.maintenance),
    muteStage('inhibition', (context) => context.muters.inhibition),
    muteStage('silence', (context) => context.muters.silences),
    channelFanoutStage(),
    dedupStage(),
  ]);
}

/** What one flush comes to: the deliveries to make, and everything held back with its reason. */
export interface PipelineOutcome {
  deliveries: PlannedDelivery[];
  held: Held[];
}

/** Runs the pipeline on one notification and plans its deliveries. */
export function runNotifyPipeline(pipeline: Stage, notification: Notification, context: StageContext): PipelineOutcome {
  const { pass, held } = pipeline.run(notification, context);
  return { deliveries: pass.map((n) => planDelivery(n, context.now)), held };
}
