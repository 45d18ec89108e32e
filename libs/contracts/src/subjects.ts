import type { CameraHealthSignalKind } from './payloads/camera-health';
import { CAMERA_HEALTH_SIGNALS } from './payloads/camera-health';
import type { NotificationAudience } from './payloads/notification';

/**
 * Subjects of the bus. Gateways publish their own payloads under `gw.`; Vigil's services publish
 * CloudEvents under the producing domain. The tenant (partner) sits in the subject where one
 * exists so NATS permissions and consumers can filter on it.
 */
export const SUBJECTS = {
  /** Everything gateways publish. */
  gateways: 'gw.>',
  airwave: {
    all: 'gw.airwave.>',
    sds: (gatewayId: string) => `gw.airwave.${gatewayId}.sds`,
    status: (gatewayId: string) => `gw.airwave.${gatewayId}.status`,
    call: (gatewayId: string) => `gw.airwave.${gatewayId}.call`,
    heartbeat: (gatewayId: string) => `gw.airwave.${gatewayId}.heartbeat`,
  },
  townlink: {
    all: 'gw.townlink.>',
    memberCall: (gatewayId: string) => `gw.townlink.${gatewayId}.member-call`,
    panic: (gatewayId: string) => `gw.townlink.${gatewayId}.panic`,
    radioState: (gatewayId: string) => `gw.townlink.${gatewayId}.radio-state`,
    heartbeat: (gatewayId: string) => `gw.townlink.${gatewayId}.heartbeat`,
  },
  calls: 'call.>',
  incidents: 'incident.>',
  incidentsOf: (partnerId: string) => `incident.${partnerId}.>`,
  /** Tickets of the contractor: `fault.<owner>.<change>`, the owner a partner id or `clients`. */
  faults: 'fault.>',
  faultsOf: (owner: string) => `fault.${owner}.>`,
  /** The camera register's changes: `camera.<owner>.<change>`, on the FAULTS stream (faults produces both). */
  cameras: 'camera.>',
  /**
   * The register's last value per camera: `register.camera.<cameraId>`, the camera as it stands
   * now, on a stream of its own that keeps one message per subject and never ages it out. The
   * owner is not in the subject on purpose: a camera moved to another owner keeps its one key.
   */
  cameraRegister: 'register.camera.>',
  /**
   * Faults' planned maintenance windows as they stand: `maintenance.window.<windowId>`, on a stream
   * of its own that keeps the last message per window and never ages it out, so a reader that
   * starts today still learns a window planned months ahead.
   */
  maintenanceWindows: 'maintenance.window.>',
  /** Lend-A-Cam deployments of redeployable cameras: `loan.<owner>.<change>`, on the FAULTS stream. */
  loans: 'loan.>',
  /** Lend-A-Cam waiting lists: `loan-waiting.<owner>.<change>`, on the FAULTS stream. */
  loanWaitingList: 'loan-waiting.>',
  /** Camera health straight from a VMS (see payloads/camera-health.ts for why it has a stream of its own). */
  vms: {
    all: 'vms.>',
    cameraHealth: (vmsId: string, cameraId: string, signal: CameraHealthSignalKind) => `vms.${vmsId}.camera.${cameraId}.${signal}`,
  },
  /** Supervision of the sources by ingest: `source.<partner>.<state>`. */
  sources: 'source.>',
  deadLetters: 'dlq.>',
  /** Notifications notify pushes to consoles: `notification.<audience>` (see payloads/notification.ts). */
  notifications: 'notification.>',
  notification: (audience: NotificationAudience) => `notification.${audience}`,
} as const;

/** The message kinds each gateway family publishes, as the last token of its subjects; anything else is dead-lettered. */
export const GATEWAY_KINDS = {
  airwave: ['sds', 'status', 'call', 'heartbeat'],
  townlink: ['member-call', 'panic', 'radio-state', 'heartbeat'],
} as const;

/** A gateway family Vigil reads. */
export type GatewayFamily = keyof typeof GATEWAY_KINDS;

/** The parts of a gateway subject `gw.<family>.<gatewayId>.<kind>`, or undefined when it is not one. */
export function parseGatewaySubject(subject: string): { family: string; gatewayId: string; kind: string } | undefined {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts[0] !== 'gw') return undefined;
  return { family: parts[1], gatewayId: parts[2], kind: parts[3] };
}

/** The message kind an Airwave gateway subject carries (`gw.airwave.<gateway>.<kind>`). */
export function airwaveKindOf(subject: string): string | undefined {
  const parsed = parseGatewaySubject(subject);
  return parsed?.family === 'airwave' ? parsed.kind : undefined;
}

/** The parts of a VMS health subject `vms.<vmsId>.camera.<cameraId>.<signal>`, or undefined when it is not one. */
export function parseVmsHealthSubject(subject: string): { vmsId: string; cameraId: string; signal: CameraHealthSignalKind } | undefined {
  const parts = subject.split('.');
  if (parts.length !== 5 || parts[0] !== 'vms' || parts[2] !== 'camera') return undefined;
  const signal = CAMERA_HEALTH_SIGNALS.find((kind) => kind === parts[4]);
  return signal ? { vmsId: parts[1], cameraId: parts[3], signal } : undefined;
}
