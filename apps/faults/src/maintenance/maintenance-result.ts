import { MaintenanceWindow } from '@vigil/contracts';

/** What became of a maintenance command: the window after it, or why not. */
export type MaintenanceResult =
  | { kind: 'saved'; window: MaintenanceWindow; ticketsMoved: number }
  | { kind: 'not-found'; windowId: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'stale'; sentVersion: number; current: MaintenanceWindow }
  | { kind: 'refused'; reason: 'unknown-target' | 'already-cancelled'; message: string };
