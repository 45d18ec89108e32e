import { z } from 'zod';

/*
 * Camera health as a video management system (VMS) reports it, in its own JSON (no CloudEvents
 * envelope, like the radio gateways), on `vms.<vmsId>.camera.<cameraId>.<signal>`.
 *
 * Why a CAMERA_HEALTH stream of its own, owned by faults, rather than FAULTS or GATEWAY: health
 * is high volume (a heartbeat per camera per interval: 20,000 cameras at 30 s is ~700 msg/s) and
 * only its state changes matter, so it is kept for an hour, not the month FAULTS keeps the
 * tickets that notify and the dashboard replay; and a VMS is an outside publisher whose NATS user
 * may publish only on its own `vms.<vmsId>.>`, never on `fault.>`, which only faults writes.
 * Faults provisions the stream because it is the only reader (as ingest provisions GATEWAY).
 * The camera id sits in the subject so that one camera's signals can be routed to one writer
 * (subject-token partitioning) and inspected alone (`nats sub 'vms.*.camera.NH-014.>'`).
 */

/** One subject token: letters, digits, `-` and `_` (no `.`, `*`, `>` or whitespace). */
export const subjectTokenSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'one subject token: letters, digits, "-" and "_" only');

/** What a VMS reports about a camera: the last token of its subjects. */
export const CAMERA_HEALTH_SIGNALS = ['heartbeat', 'video-loss', 'tamper', 'recovered'] as const;
/** One of {@link CAMERA_HEALTH_SIGNALS}. */
export type CameraHealthSignalKind = (typeof CAMERA_HEALTH_SIGNALS)[number];

const signalBase = z.object({
  vmsId: subjectTokenSchema,
  cameraId: subjectTokenSchema,
  /** The VMS's own site (recording server or cabinet) the camera hangs off. */
  siteId: z.string().min(1).max(64),
  occurredAt: z.iso.datetime({ offset: true }),
});

// Problem signals carry the VMS's own event id: `Nats-Msg-Id: <vmsId>:<messageId>` lets JetStream drop a resend.
const withMessageId = signalBase.extend({ messageId: z.string().min(1).max(128) });

/** The camera is alive and streaming, sent every interval; a missed run of them is a fault. */
export const cameraHeartbeatSchema = signalBase;
/** A camera heartbeat. */
export type CameraHeartbeat = z.infer<typeof cameraHeartbeatSchema>;

/** The VMS lost the camera's video (ONVIF VideoSource/SignalLoss, a recorder's "communication error"). */
export const cameraVideoLossSchema = withMessageId;
/** A video-loss signal. */
export type CameraVideoLoss = z.infer<typeof cameraVideoLossSchema>;

/** Ways a picture is spoiled without being lost, as VMS tamper analytics tell them apart. */
export const TAMPER_KINDS = ['obstructed', 'moved', 'defocused', 'other'] as const;

/** The VMS's tamper analytics fired: the lens is covered, the view moved or the picture blurred. */
export const cameraTamperSchema = withMessageId.extend({ tamper: z.enum(TAMPER_KINDS) });
/** A tamper or obstruction signal. */
export type CameraTamper = z.infer<typeof cameraTamperSchema>;

/** The problem a recovery ends: video back, or the view clear again. */
export const RECOVERED_FROM = ['video-loss', 'tamper'] as const;

/** The camera's video or view came back. */
export const cameraRecoveredSchema = withMessageId.extend({ recoveredFrom: z.enum(RECOVERED_FROM) });
/** A recovery signal. */
export type CameraRecovered = z.infer<typeof cameraRecoveredSchema>;

/** The payload schema of each signal, chosen by the subject's last token. */
export const CAMERA_HEALTH_SCHEMAS = {
  heartbeat: cameraHeartbeatSchema,
  'video-loss': cameraVideoLossSchema,
  tamper: cameraTamperSchema,
  recovered: cameraRecoveredSchema,
} as const satisfies Record<CameraHealthSignalKind, z.ZodType>;
