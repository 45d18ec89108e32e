import { CreateFaults1765411200000 } from './migrations/1765411200000-create-faults';

/** Faults' schema history, oldest first: the app and the tests that check it run the same list. */
export const FAULTS_MIGRATIONS = [CreateFaults1765411200000];
