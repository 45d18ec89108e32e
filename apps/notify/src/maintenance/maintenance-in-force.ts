import type { EntityManager } from 'typeorm';
import type { MaintenanceWindow } from '../domain';

/** Injection token of {@link MaintenanceInForce}. */
export const MAINTENANCE_IN_FORCE = Symbol('MAINTENANCE_IN_FORCE');

/** Faults' maintenance windows that may hold something back now (the window store answers it). */
export interface MaintenanceInForce {
  /** Read in the caller's transaction: a flush already holds a connection and must not wait for another. */
  inForce(now: Date, manager: EntityManager): Promise<MaintenanceWindow[]>;
}
