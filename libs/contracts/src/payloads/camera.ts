import { z } from 'zod';
import { subjectTokenSchema } from './camera-health';

/** Camera types of the partnership's register (partnership.json `camera_types`), as API tokens. */
export const CAMERA_TYPES = ['ptz-dome', 'ptz-shoebox', 'static', 'wireless-hd', 'redeployable-4g'] as const;
/** One of {@link CAMERA_TYPES}. */
export type CameraType = (typeof CAMERA_TYPES)[number];

/** Watched by an operator (pro-active) or only recorded and reviewed after the event (reactive). */
export const CAMERA_MONITORING = ['pro-active', 'reactive'] as const;

/**
 * What a camera is doing for the public. `faulty`: a fault is open (it is then out of public view,
 * as the code of practice requires, until the fix is verified); `out-of-public-view`: withdrawn for
 * another reason (privacy, a police request); `in-maintenance`: in a planned maintenance window.
 */
export const CAMERA_STATUSES = ['in-service', 'faulty', 'out-of-public-view', 'in-maintenance', 'decommissioned'] as const;
/** One of {@link CAMERA_STATUSES}. */
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

/** Recording retention the partnership's code of practice sets: 28 days, then overwritten. */
export const DEFAULT_RETENTION_DAYS = 28;

/** Whose camera it is: a partner council, or one of the company's clients (never both). */
export const assetOwnerSchema = z
  .object({
    partnerId: z.string().min(1).nullable(),
    clientName: z.string().min(1).nullable(),
  })
  .refine((owner) => (owner.partnerId === null) !== (owner.clientName === null), 'a partner or a client, exactly one');
/** A camera's or ticket's owner. */
export type AssetOwner = z.infer<typeof assetOwnerSchema>;

/** Subject token of an owner: the partner id, or `clients` for every client of the company (names are not tokens). */
export function assetOwnerToken(owner: { partnerId: string | null }): string {
  return owner.partnerId ?? 'clients';
}

const cameraFields = {
  /** The register's key, also a subject token (VMS subjects name it). */
  cameraId: subjectTokenSchema,
  /** The number operators say and the monitor shows. */
  number: z.string().trim().min(1).max(32),
  /** Where it looks, in words ("High Street j/w Market Place"). */
  location: z.string().trim().min(1).max(300),
  partnerId: z.string().min(1).nullable(),
  clientName: z.string().min(1).nullable(),
  town: z.string().trim().min(1).max(100),
  /** The cabinet, recorder or building it hangs off: cameras that fail together. */
  siteId: z.string().trim().min(1).max(64),
  /** The network segment (switch, radio link, 4G carrier) it reaches the control room through, when known. */
  networkSegment: z.string().trim().min(1).max(64).nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  type: z.enum(CAMERA_TYPES),
  monitoring: z.enum(CAMERA_MONITORING),
  retentionDays: z.number().int().min(1).max(366),
};

/** A camera as the register publishes it. */
export const cameraSchema = z.object({
  ...cameraFields,
  status: z.enum(CAMERA_STATUSES),
  /** False whenever the status is anything but in service. */
  inPublicView: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** 1 when registered, +1 per change; consumers drop an event whose version is not newer. */
  version: z.number().int().min(1),
});
/** A camera of the register. */
export type Camera = z.infer<typeof cameraSchema>;

const ownerRule = (camera: { partnerId?: string | null; clientName?: string | null }) =>
  camera.partnerId === undefined || camera.clientName === undefined || (camera.partnerId === null) !== (camera.clientName === null);
const ownerMessage = { message: 'partnerId or clientName, exactly one', path: ['partnerId'] };

/** POST /api/cameras: a new camera (retention defaults to the code of practice's 28 days). */
export const registerCameraSchema = z
  .object({ ...cameraFields, retentionDays: cameraFields.retentionDays.default(DEFAULT_RETENTION_DAYS), networkSegment: cameraFields.networkSegment.default(null) })
  .refine(ownerRule, ownerMessage);
/** A camera to register. */
export type RegisterCamera = z.infer<typeof registerCameraSchema>;

/**
 * PATCH /api/cameras/:id: the fields to change, with the version the caller saw. Status moves
 * only through faults and maintenance, except withdrawing from public view and decommissioning.
 */
export const updateCameraSchema = z
  .object(cameraFields)
  .omit({ cameraId: true })
  .partial()
  .extend({
    version: z.number().int().min(1),
    status: z.enum(['in-service', 'out-of-public-view', 'decommissioned']).optional(),
    reason: z.string().trim().min(3, 'give a reason').max(2000).optional(),
  })
  .refine(ownerRule, ownerMessage);
/** A change to a camera. */
export type UpdateCamera = z.infer<typeof updateCameraSchema>;

/** GET /api/cameras query. */
export const cameraListQuerySchema = z.object({
  partnerId: z.string().optional(),
  clientName: z.string().optional(),
  town: z.string().optional(),
  siteId: z.string().optional(),
  status: z.enum(CAMERA_STATUSES).optional(),
  type: z.enum(CAMERA_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed camera list query. */
export type CameraListQuery = z.infer<typeof cameraListQuerySchema>;

/** What a register change was. */
export const CAMERA_CHANGES = ['registered', 'updated', 'status-changed'] as const;

/** A camera after a change: the whole record, what changed, who and why. */
export const cameraChangedSchema = cameraSchema.extend({
  change: z.enum(CAMERA_CHANGES),
  previousStatus: z.enum(CAMERA_STATUSES).nullable(),
  changedBy: z.string(),
  changeReason: z.string().nullable(),
});
/** A register change as published. */
export type CameraChanged = z.infer<typeof cameraChangedSchema>;

/** The answer to POST /api/cameras/import: what the CSV did, row by row where it refused. */
export interface CameraImportResult {
  registered: number;
  updated: number;
  unchanged: number;
  /** Rows refused, by 1-based line of the file (the header is line 1), with every problem named. */
  refused: { line: number; cameraId: string | null; problems: string[] }[];
}
