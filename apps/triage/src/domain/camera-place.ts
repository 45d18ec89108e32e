import type { Camera, CameraStatus } from '@vigil/contracts';
import type { RegisteredCamera } from '../registers/location-registers';

/** Where a camera is and whose it is, as triage places calls by it. */
export interface CameraPlace {
  cameraId: string;
  town: string;
  /** The owner: a partner, or one of the company's clients (the registers file names clients only). */
  partnerId: string | null;
  clientName: string | null;
  point: { lat: number; lon: number } | null;
  /** Faults' status when the place comes from its register; null from the registers file. */
  status: CameraStatus | null;
  /** The register's version of the camera (0 from the registers file). */
  version: number;
}

/** Camera places by lower-case camera id, as locate-call looks them up. */
export type CameraPlaces = ReadonlyMap<string, CameraPlace>;

/** No cameras known: calls are placed by their other evidence. */
export const NO_CAMERA_PLACES: CameraPlaces = new Map();

/** The key a camera is looked up by: operators and gateways do not agree on case. */
export function cameraKey(cameraId: string): string {
  return cameraId.toLowerCase();
}

/** A camera of faults' register (a register entry) as a place. */
export function placeOfRegisterEntry(camera: Camera): CameraPlace {
  return {
    cameraId: camera.cameraId,
    town: camera.town,
    partnerId: camera.partnerId,
    clientName: camera.clientName,
    point: { lat: camera.lat, lon: camera.lon },
    status: camera.status,
    version: camera.version,
  };
}

/** A camera of the registers file as a place. */
export function placeOfFileCamera(camera: RegisteredCamera): CameraPlace {
  return { cameraId: camera.id, town: camera.town, partnerId: null, clientName: camera.client ?? null, point: camera.point ?? null, status: null, version: 0 };
}
