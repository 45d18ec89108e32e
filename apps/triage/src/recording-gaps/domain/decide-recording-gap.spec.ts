import { CameraChangeFacts, decideRecordingGap, RecordingGapDecision } from './decide-recording-gap';

const change = (version: number, previousStatus: CameraChangeFacts['previousStatus'], status: CameraChangeFacts['status']): CameraChangeFacts => ({ version, previousStatus, status });

describe('decideRecordingGap', () => {
  it.each<[string, number | undefined, CameraChangeFacts, RecordingGapDecision]>([
    ['in service → faulty starts a gap', 3, change(4, 'in-service', 'faulty'), { action: 'start', reason: 'camera-went-down' }],
    ['the first change triage sees can start one', undefined, change(7, 'in-service', 'faulty'), { action: 'start', reason: 'camera-went-down' }],
    ['in maintenance → faulty starts a gap too', 3, change(4, 'in-maintenance', 'faulty'), { action: 'start', reason: 'camera-went-down' }],
    ['faulty → in service (fix verified) ends it', 4, change(5, 'faulty', 'in-service'), { action: 'end', reason: 'camera-came-back' }],
    ['faulty → decommissioned ends it', 4, change(5, 'faulty', 'decommissioned'), { action: 'end', reason: 'camera-came-back' }],
    ['the same version again (redelivered) does nothing', 4, change(4, 'in-service', 'faulty'), { action: 'none', reason: 'repeat' }],
    ['an older version (overtaken) does nothing', 5, change(4, 'in-service', 'faulty'), { action: 'none', reason: 'stale' }],
    ['withdrawn from public view is still recording', 2, change(3, 'in-service', 'out-of-public-view'), { action: 'none', reason: 'recording-unchanged' }],
    ['a registration or an edit is no gap', undefined, change(1, null, 'in-service'), { action: 'none', reason: 'recording-unchanged' }],
  ])('%s', (_what, known, facts, expected) => {
    expect(decideRecordingGap(known, facts)).toEqual(expected);
  });
});
