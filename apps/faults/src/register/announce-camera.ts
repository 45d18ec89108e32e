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
 * What a camera's new version announces, for the outbox of the transaction that wrote it:
 * - `cameraChanged` (`camera.<owner>.<change>`, FAULTS): the change, who and why, for those who
 *   follow changes (notify, the dashboard, triage's recording gaps);
 * - `cameraRegisterEntry` (`register.camera.<cameraId>`, CAMERA_REGISTER): the camera as it now
 *   stands, the one entry kept per camera for ever, for projections that need every camera
 *   whatever its age (triage places calls by camera from it).
 * Both ids are the camera and version, so one change is one event of each however often it is
 * relayed, each behind the camera's earlier versions (two aggregates: one outbox row per version each).
 */
export function cameraChangeEvents(publisher: EventPublisher, camera: CameraEntity, author: CameraChangeAuthor, now: Date): OutboxEntry[] {
  const view = toCameraView(camera);
  const data: CameraChanged = { ...view, change: author.change, previousStatus: author.previousStatus, changedBy: author.changedBy, changeReason: author.reason };
  const changed = publisher.envelope('cameraChanged', data, { id: `camera-changed:${camera.cameraId}:${camera.version}`, time: now });
  const entry = publisher.envelope('cameraRegisterEntry', view, { id: `camera-register-entry:${camera.cameraId}:${camera.version}`, time: now });
  return [
    { subject: publisher.subjectFor('cameraChanged', data), envelope: changed, aggregate: { id: `camera:${camera.cameraId}`, version: camera.version } },
    { subject: publisher.subjectFor('cameraRegisterEntry', view), envelope: entry, aggregate: { id: `camera-register-entry:${camera.cameraId}`, version: camera.version } },
  ];
}
