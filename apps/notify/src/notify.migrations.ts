import { RoutingVersion1766000000000 } from './migrations/1766000000000-routing-version';
import { NotifyPipeline1766200000000 } from './migrations/1766200000000-notify-pipeline';
import { Silence1766300000000 } from './migrations/1766300000000-silence';
import { MaintenanceWindow1766400000000 } from './migrations/1766400000000-maintenance-window';

/** Notify's schema history, oldest first: the app and the tests that check it run the same list. */
export const NOTIFY_MIGRATIONS = [RoutingVersion1766000000000, NotifyPipeline1766200000000, Silence1766300000000, MaintenanceWindow1766400000000];
