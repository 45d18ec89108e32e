import { CAMERA_HEALTH_SCHEMAS, CameraRecovered, parseVmsHealthSubject } from '@vigil/contracts';
import type { HealthInput } from '../domain/camera-health';

/** A VMS signal the watchdog can step a camera with. */
export interface HealthSignal {
  vmsId: string;
  cameraId: string;
  siteId: string;
  input: Exclude<HealthInput, { kind: 'tick' }>;
}

/** The signal, or why it can never be taken (the reason of its dead letter). */
export type ReadHealthSignal = { ok: true; signal: HealthSignal } | { ok: false; reason: string };

const decoder = new TextDecoder();

/**
 * Reads one message of CAMERA_HEALTH: the subject names the VMS, the camera and the signal, the
 * payload must be that signal's JSON and name the same VMS and camera (a VMS's NATS user may only
 * publish on its own subjects, so the subject is the identity; a payload that disagrees is refused).
 */
export function readHealthSignal(subject: string, data: Uint8Array): ReadHealthSignal {
  const route = parseVmsHealthSubject(subject);
  if (!route) return { ok: false, reason: `not a camera health subject: ${subject}` };
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = CAMERA_HEALTH_SCHEMAS[route.signal].safeParse(json);
  if (!parsed.success) return { ok: false, reason: `invalid ${route.signal}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}` };
  const payload = parsed.data;
  if (payload.vmsId !== route.vmsId || payload.cameraId !== route.cameraId) {
    return { ok: false, reason: `payload names ${payload.vmsId}/${payload.cameraId}, subject ${route.vmsId}/${route.cameraId}` };
  }
  const at = Date.parse(payload.occurredAt);
  const input: HealthSignal['input'] =
    route.signal === 'recovered' ? { kind: 'recovered', at, from: (payload as CameraRecovered).recoveredFrom } : { kind: route.signal, at };
  return { ok: true, signal: { vmsId: route.vmsId, cameraId: route.cameraId, siteId: payload.siteId, input } };
}
