import type { CommandRefusal } from '@vigil/config';
import { Incident } from '@vigil/contracts';

/** What became of a command: the incident after it, or why not (see CommandRefusal). */
export type LifecycleResult = { kind: 'changed'; incident: Incident } | CommandRefusal<Incident>;
