import { Incident } from '@vigil/contracts';

/**
 * What became of a command: the incident after it, or why not. `not-found` also stands for an
 * incident the caller may not see, so its existence does not leak.
 */
export type LifecycleResult =
  | { kind: 'changed'; incident: Incident }
  | { kind: 'not-found'; incidentId: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'stale'; sentVersion: number; current: Incident }
  | { kind: 'refused'; reason: string; message: string };
