import { EscalationState, parseRoutingConfig } from '../domain';
import { PARTNERSHIP_ROUTING } from '../testing/routing-fixtures';
import { EscalationReceivers, escalationReceivers, ReceiverView } from './escalation-receivers';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error('the fixture routing must parse');
const tree = parsed.tree;
const wakeAt = new Date('2026-03-04T03:27:00.000Z');
const state = (fields: Partial<EscalationState> = {}): EscalationState => ({
  fingerprint: 'incident:a1',
  policy: 'police-then-supervisor',
  firstLevel: 'police',
  phase: 'escalating',
  level: 0,
  round: 0,
  wakeAt,
  version: 3,
  lifeVersion: 1,
  acknowledgedBy: null,
  ...fields,
});
const police: ReceiverView = { name: 'police', role: 'police-control-room' };
const supervisor: ReceiverView = { name: 'supervisor', role: 'control-room-supervisor' };
const dutyManager: ReceiverView = { name: 'duty-manager', role: 'control-room-supervisor' };

describe('escalationReceivers', () => {
  it.each<[string, EscalationState, 'all' | string[], EscalationReceivers]>([
    ['police told, the supervisor next', state(), 'all', { told: [police], next: { level: 1, round: 0, receivers: [supervisor] } }],
    ['the supervisor told, both supervisors next', state({ level: 1 }), 'all', { told: [supervisor], next: { level: 2, round: 0, receivers: [supervisor, dutyManager] } }],
    ['the last level of the first round: police again next', state({ level: 2 }), 'all', { told: [supervisor, dutyManager], next: { level: 0, round: 1, receivers: [police] } }],
    ['acknowledged after police: the supervisor if no progress', state({ phase: 'acknowledged', acknowledgedBy: 'pc-1' }), 'all', { told: [police], next: { level: 1, round: 0, receivers: [supervisor] } }],
    ['exhausted: nothing waits', state({ phase: 'exhausted', level: 2, round: 1, wakeAt: null }), 'all', { told: [supervisor, dutyManager], next: null }],
    ["a reader of its own receivers only: not the police's or supervisors' names", state(), ['north-herts-duty'], { told: [], next: { level: 1, round: 0, receivers: [] } }],
    ['a policy no longer in the rules: nobody named', state({ policy: 'removed' }), 'all', { told: null, next: null }],
    ['a level the shortened policy no longer has: unnamed, and police again next as the escalation will do', state({ level: 3 }), 'all', { told: null, next: { level: 0, round: 1, receivers: [police] } }],
    ['a receiver no longer in the rules: named, no role', state({ firstLevel: 'old-police' }), 'all', { told: [{ name: 'old-police', role: null }], next: { level: 1, round: 0, receivers: [supervisor] } }],
  ])('%s', (_case, given, visible, expected) => expect(escalationReceivers(given, tree, visible)).toEqual(expected));

  it("names a partner's duty officer with the partner", () => {
    expect(escalationReceivers(state({ firstLevel: 'north-herts-duty' }), tree, 'all').told).toEqual([{ name: 'north-herts-duty', role: 'partner-duty-officer', partner: 'north-herts' }]);
  });
});
