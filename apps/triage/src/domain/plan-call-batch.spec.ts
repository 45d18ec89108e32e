import { AlarmDetails } from '@vigil/contracts';
import { NearbyIncident } from './correlate-call';
import { DEFAULT_CORRELATION_POLICY } from './correlation-policy';
import { BatchCall, CallBatchSnapshot, CallDecision, planCallBatch } from './plan-call-batch';

const NOW = new Date('2026-11-23T23:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const BOOTS = { lat: 51.9489, lon: -0.2806 };
const FIFTY_METRES_NORTH = { lat: 51.9489 + 50 / 111_195, lon: -0.2806 };

function call(callKey: string, draft: Partial<BatchCall['draft']> = {}, alarm?: Partial<AlarmDetails>): BatchCall {
  return {
    callKey,
    draft: { category: 'Theft', grade: 3, placeKeys: [], point: null, receivedAt: minutesAgo(0), ...draft },
    alarm: alarm && { account: '7001', protocol: 'SIA-DCS', code: 'BA', qualifier: 'new', kind: 'intruder', zone: '1', site: 'Boots', address: 'High Street, Hitchin', ...alarm },
  };
}
const alarmCall = (callKey: string, qualifier: 'new' | 'restore', zone = '1') =>
  call(callKey, { category: 'Alarm Activation', grade: 2, placeKeys: ['alarm-site:7001'] }, { qualifier, zone, code: qualifier === 'new' ? 'BA' : 'BR' });

function snapshot(fields: Partial<CallBatchSnapshot> = {}): CallBatchSnapshot {
  return { knownCallKeys: new Set(), nearby: new Map(), openAlarmIncidents: new Map(), waitingRestores: new Map(), ...fields };
}
const storedTheft: NearbyIncident = { incidentId: 'stored-theft', category: 'Theft', grade: 3, lastCallAt: new Date(minutesAgo(5)), placeKeys: ['premises:boots-hitchin'], points: [] };
const storedAlarm = { incidentId: 'stored-alarm', alarm: { account: '7001', kind: 'intruder', zone: '1' } };

/** Names new incidents new-1, new-2 … in the order the batch opens them. */
function plan(calls: BatchCall[], given = snapshot()): CallDecision[] {
  let n = 0;
  return planCallBatch(calls, given, NOW, DEFAULT_CORRELATION_POLICY, () => `new-${++n}`);
}

describe('planCallBatch', () => {
  it.each<[string, BatchCall[], CallBatchSnapshot, Partial<CallDecision>[]]>([
    ['a call already taken is nothing new', [call('a')], snapshot({ knownCallKeys: new Set(['a']) }), [{ kind: 'duplicate-call' }]],
    ['a call twice in one batch is taken once', [call('a', { placeKeys: ['premises:boots-hitchin'] }), call('a')], snapshot(), [{ kind: 'open', incidentId: 'new-1' }, { kind: 'duplicate-call' }]],
    [
      'a second call about a place the batch opened joins it',
      [call('a', { placeKeys: ['premises:boots-hitchin'] }), call('b', { placeKeys: ['premises:boots-hitchin'] })],
      snapshot(),
      [{ kind: 'open', incidentId: 'new-1', reason: 'nothing-open-here' }, { kind: 'join', incidentId: 'new-1', reason: 'same-premises' }],
    ],
    [
      'a point near one the batch opened joins it',
      [call('a', { point: BOOTS }), call('b', { point: FIFTY_METRES_NORTH })],
      snapshot(),
      [{ kind: 'open', incidentId: 'new-1' }, { kind: 'join', incidentId: 'new-1', reason: 'same-spot' }],
    ],
    [
      'two fights in one town with no shared place are two incidents',
      [call('a', { category: 'Assault', placeKeys: ['named-place:hitchin:red lion'] }), call('b', { category: 'Assault', placeKeys: ['named-place:hitchin:the swan'] })],
      snapshot(),
      [{ kind: 'open', incidentId: 'new-1' }, { kind: 'open', incidentId: 'new-2' }],
    ],
    [
      'a call joins the stored incident near it',
      [call('a', { placeKeys: ['premises:boots-hitchin'] })],
      snapshot({ nearby: new Map([[0, [storedTheft]]]) }),
      [{ kind: 'join', incidentId: 'stored-theft', reason: 'same-premises', raisesGradeTo: null }],
    ],
    [
      'a place a call of the batch added to a stored incident draws a later call to it',
      [call('a', { placeKeys: ['premises:boots-hitchin', 'camera:NH-014'] }), call('b', { placeKeys: ['camera:NH-014'] })],
      snapshot({ nearby: new Map([[0, [storedTheft]]]) }),
      [{ kind: 'join', incidentId: 'stored-theft' }, { kind: 'join', incidentId: 'stored-theft', reason: 'same-camera' }],
    ],
    [
      'an emergency raises the grade once; a later equal call does not raise it again',
      [call('a', { grade: 1, placeKeys: ['premises:boots-hitchin'] }), call('b', { grade: 1, placeKeys: ['premises:boots-hitchin'] })],
      snapshot({ nearby: new Map([[0, [storedTheft]], [1, [storedTheft]]]) }),
      [{ kind: 'join', raisesGradeTo: 1 }, { kind: 'join', raisesGradeTo: null }],
    ],
    ['a restore pairs with its stored alarm', [alarmCall('r', 'restore')], snapshot({ openAlarmIncidents: new Map([['7001', [storedAlarm]]]) }), [{ kind: 'restore-attach', incidentId: 'stored-alarm', reason: 'restored' }]],
    ['a restore with no alarm waits', [alarmCall('r', 'restore')], snapshot(), [{ kind: 'restore-wait', reason: 'waiting-for-alarm' }]],
    ['a restore after its alarm in one batch pairs with it', [alarmCall('a', 'new'), alarmCall('r', 'restore')], snapshot(), [{ kind: 'open', incidentId: 'new-1' }, { kind: 'restore-attach', incidentId: 'new-1' }]],
    [
      'a restore before its alarm in one batch waits, and the alarm pairs it',
      [alarmCall('r', 'restore'), alarmCall('a', 'new')],
      snapshot(),
      [{ kind: 'restore-wait' }, { kind: 'open', incidentId: 'new-1', pairs: [expect.objectContaining({ callKey: 'r', incidentId: 'new-1', stored: false })] }],
    ],
    [
      'an alarm pairs a restore stored before the batch',
      [alarmCall('a', 'new')],
      snapshot({ waitingRestores: new Map([['7001', [{ callKey: 'stored-r', alarm: { account: '7001', protocol: 'SIA-DCS', code: 'BR', qualifier: 'restore', kind: 'intruder', zone: '1', site: 'Boots', address: 'High Street, Hitchin' } }]]]) }),
      [{ kind: 'open', pairs: [expect.objectContaining({ callKey: 'stored-r', stored: true, reason: 'restored' })] }],
    ],
    [
      'an alarm of another zone leaves the waiting restore waiting',
      [alarmCall('r', 'restore', '2'), alarmCall('a', 'new', '1')],
      snapshot(),
      [{ kind: 'restore-wait' }, { kind: 'open', pairs: [] }],
    ],
    [
      'a personal-attack restore attaches and says the incident stays open',
      [call('p', { category: 'Personal Attack', grade: 1, placeKeys: ['alarm-site:7001'] }, { kind: 'personal-attack', code: 'PA' }), call('r', {}, { kind: 'personal-attack', qualifier: 'restore', code: 'PR' })],
      snapshot(),
      [{ kind: 'open' }, { kind: 'restore-attach', incidentId: 'new-1', reason: 'personal-attack-stays-open' }],
    ],
    [
      'between two incidents the batch opened, the strongest evidence wins',
      [call('a', { placeKeys: ['premises:boots-hitchin'] }), call('b', { point: BOOTS }), call('c', { placeKeys: ['premises:boots-hitchin'], point: FIFTY_METRES_NORTH })],
      snapshot(),
      [{ kind: 'open', incidentId: 'new-1' }, { kind: 'open', incidentId: 'new-2', reason: 'nothing-open-here' }, { kind: 'join', incidentId: 'new-1', reason: 'same-premises' }],
    ],
  ])('%s', (_case, calls, given, expected) => {
    const decided = plan(calls, given);
    expect(decided).toHaveLength(expected.length);
    expected.forEach((decision, i) => expect(decided[i]).toMatchObject(decision));
  });
});
