import { z } from 'zod';
import { maintenanceWindowSchema } from './fault-commands';

/**
 * A planned maintenance window as it stands after it was planned or cancelled, keyed by its id
 * alone (a last value per window), for those who act on planned works (notify holds back the
 * faults it covers). `version` is 1 when planned and +1 per change; a consumer drops an event
 * whose version is not newer. Who planned or cancelled it is left out: readers need the window,
 * not the person, and faults keeps the author in its own record.
 */
export const maintenanceWindowChangedSchema = maintenanceWindowSchema.omit({ createdBy: true });
/** A maintenance window as published. */
export type MaintenanceWindowChanged = z.infer<typeof maintenanceWindowChangedSchema>;
