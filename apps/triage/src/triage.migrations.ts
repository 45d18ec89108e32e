import { CreateTriage1763884800000 } from './migrations/1763884800000-create-triage';
import { CallAlarmDetails1763884800003 } from './migrations/1763884800003-call-alarm-details';
import { RestoreStatus1763884800004 } from './migrations/1763884800004-restore-status';
import { IncidentVersions1764720000402 } from './migrations/1764720000402-incident-versions';
import { IncidentRecord1764979200001 } from './migrations/1764979200001-incident-record';
import { CallPlaces1765065600000 } from './migrations/1765065600000-call-places';
import { CallIncidentIndex1765152000000 } from './migrations/1765152000000-call-incident-index';
import { SearchTrigramIndexes1765238400000 } from './migrations/1765238400000-search-trigram-indexes';
import { RecordingGaps1765700000500 } from './migrations/1765700000500-recording-gaps';
import { CameraPlaces1765900000000 } from './migrations/1765900000000-camera-places';

/** Triage's schema history, oldest first: the app and the tests that check it run the same list. */
export const TRIAGE_MIGRATIONS = [
  CreateTriage1763884800000,
  CallAlarmDetails1763884800003,
  RestoreStatus1763884800004,
  IncidentVersions1764720000402,
  IncidentRecord1764979200001,
  CallPlaces1765065600000,
  CallIncidentIndex1765152000000,
  SearchTrigramIndexes1765238400000,
  RecordingGaps1765700000500,
  CameraPlaces1765900000000,
];
