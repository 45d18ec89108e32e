import { EventPublisher } from '@vigil/bus';
import { CameraChanged, CameraStatus } from '@vigil/contracts';
import { OutboxEntry } from '@vigil/db';
import { CameraEntity } from './camera.entity';
import { toCameraView } from './camera-view';

/** Who changed a camera, why, and what its status was before. */
export interface CameraChangeAuthor {
  change: CameraChanged['change'];
  previousStatus: CameraStatus | null;
  /** `faults` for automatic changes, else the principal's subject. */
  changedBy: string;
  reason: string | null;
}

/**
 * The `cameraChanged` event of the camera's version as it is now: its id is the camera and version,
 * so one change is one event however often it is relayed, behind the camera's earlier versions.
 */
export function cameraChangedEvent(publisher: EventPublisher, camera: CameraEntity, author: CameraChangeAuthor, now: Date): OutboxEntry {
  const data: CameraChanged = { ...toCameraView(camera), change: author.change, previousStatus: author.previousStatus, changedBy: author.changedBy, changeReason: author.reason };
  const envelope = publisher.envelope('cameraChanged', data, { id: `camera-changed:${camera.cameraId}:${camera.version}`, time: now });
  return { subject: publisher.subjectFor('cameraChanged', data), envelope, aggregate: { id: `camera:${camera.cameraId}`, version: camera.version } };
}
