import { pairRestore } from './pair-restore';

const open = [
  { incidentId: 'newest-intruder-z3', alarm: { account: '1234', kind: 'intruder', zone: '3' } },
  { incidentId: 'older-intruder-z3', alarm: { account: '1234', kind: 'intruder', zone: '3' } },
  { incidentId: 'pa', alarm: { account: '1234', kind: 'personal-attack', zone: undefined } },
  { incidentId: 'other-site', alarm: { account: '9999', kind: 'intruder', zone: '3' } },
  { incidentId: 'hold-up', alarm: { account: '4444', kind: 'hold-up', zone: '1' } },
];

describe('pairRestore', () => {
  it.each([
    [{ account: '1234', kind: 'intruder', zone: '3' }, { action: 'attach', incidentId: 'newest-intruder-z3', reason: 'restored' }],
    [{ account: '1234', kind: 'personal-attack' }, { action: 'attach', incidentId: 'pa', reason: 'personal-attack-stays-open' }],
    [{ account: '1234', kind: 'intruder', zone: '4' }, { action: 'record-alone', reason: 'no-open-alarm' }],
    [{ account: '1234', kind: 'fire', zone: '3' }, { action: 'record-alone', reason: 'no-open-alarm' }],
    [{ account: '5555', kind: 'intruder', zone: '3' }, { action: 'record-alone', reason: 'no-open-alarm' }],
    [{ account: '4444', kind: 'hold-up', zone: '1' }, { action: 'attach', incidentId: 'hold-up', reason: 'hold-up-stays-open' }],
  ])('restore %j → %j', (restore, decision) => {
    expect(pairRestore(restore, open)).toEqual(decision);
  });
});

describe('pairRestore, a restore before its alarm', () => {
  const restore = { account: '1234', kind: 'intruder', zone: '3' };
  it.each([
    ['nothing open yet: it waits for its alarm', [], { action: 'record-alone', reason: 'no-open-alarm' }],
    ['its alarm opened an incident since: it pairs', [{ incidentId: 'late-alarm', alarm: restore }], { action: 'attach', incidentId: 'late-alarm', reason: 'restored' }],
    ['its alarm joined another call\'s incident: it pairs there', [{ incidentId: 'townlink-first', alarm: restore }], { action: 'attach', incidentId: 'townlink-first', reason: 'restored' }],
  ])('%s', (_case, openIncidents, decision) => {
    expect(pairRestore(restore, openIncidents)).toEqual(decision);
  });
});
