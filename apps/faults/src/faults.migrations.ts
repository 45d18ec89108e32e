import { CreateFaults1765411200000 } from './migrations/1765411200000-create-faults';
import { CameraHealth1765500000000 } from './migrations/1765500000000-camera-health';
import { LendACam1765800000000 } from './migrations/1765800000000-lend-a-cam';
import { FaultFiguresIndexes1765700000000 } from './migrations/1765700000000-fault-figures-indexes';
import { CameraRegisterEntries1765900000000 } from './migrations/1765900000000-camera-register-entries';
import { MaintenanceWindowAnnouncements1766400000000 } from './migrations/1766400000000-maintenance-window-announcements';

/** Faults' schema history, oldest first: the app and the tests that check it run the same list. */
export const FAULTS_MIGRATIONS = [CreateFaults1765411200000, CameraHealth1765500000000, FaultFiguresIndexes1765700000000, LendACam1765800000000, CameraRegisterEntries1765900000000, MaintenanceWindowAnnouncements1766400000000];
