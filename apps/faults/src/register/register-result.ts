import { Camera } from '@vigil/contracts';

/**
 * What became of a register command: the camera after it, or why not. `not-found` also stands
 * for a camera the caller may not see.
 */
export type RegisterResult =
  | { kind: 'saved'; camera: Camera }
  | { kind: 'not-found'; cameraId: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'exists'; current: Camera }
  | { kind: 'stale'; sentVersion: number; current: Camera }
  | { kind: 'refused'; reason: 'site-of-another-owner' | 'unchanged' | 'one-owner'; message: string };
