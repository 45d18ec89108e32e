import { pairRestore } from './pair-restore';

const open = [
  { incidentId: 'newest-intruder-z3', alarm: { account: '1234', kind: 'intruder', zone: '3' } },
  { incidentId: 'older-intruder-z3', alarm: { account: '1234', kind: 'intruder', zone: '3' } },
  { incidentId: 'pa', alarm: { account: '1234', kind: 'personal-attack', zone: undefined } },
  { incidentId: 'other-site', alarm: { account: '9999', kind: 'intruder', zone: '3' } },
];

describe('pairRestore', () => {
  it.each([
    [{ account: '1234', kind: 'intruder', zone: '3' }, { action: 'attach', incidentId: 'newest-intruder-z3', reason: 'restored' }],
    [{ account: '1234', kind: 'personal-attack' }, { action: 'attach', incidentId: 'pa', reason: 'personal-attack-stays-open' }],
    [{ account: '1234', kind: 'intruder', zone: '4' }, { action: 'record-alone', reason: 'no-open-alarm' }],
    [{ account: '1234', kind: 'fire', zone: '3' }, { action: 'record-alone', reason: 'no-open-alarm' }],
    [{ account: '5555', kind: 'intruder', zone: '3' }, { action: 'record-alone', reason: 'no-open-alarm' }],
  ])('restore %j → %j', (restore, decision) => {
    expect(pairRestore(restore, open)).toEqual(decision);
  });
});
