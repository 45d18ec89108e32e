import { CreateIngest1763884800001 } from './migrations/1763884800001-create-ingest';
import { AlarmsAndSupervision1763884800002 } from './migrations/1763884800002-alarms-and-supervision';
import { DeadLetterReplays1764633600301 } from './migrations/1764633600301-dead-letter-replays';
import { OutboxOrdering1764720000401 } from './migrations/1764720000401-outbox-ordering';
import { SourceStateVersion1764892800001 } from './migrations/1764892800001-source-state-version';

/** Ingest's schema history, oldest first: the app and tests that build its tables run the same list. */
export const INGEST_MIGRATIONS = [
  CreateIngest1763884800001,
  AlarmsAndSupervision1763884800002,
  DeadLetterReplays1764633600301,
  OutboxOrdering1764720000401,
  SourceStateVersion1764892800001,
];
