import { buildLocationRegisters, LocationRegistersFile } from './location-registers';
import { DEMO_REGISTERS } from './demo-registers';

const empty: LocationRegistersFile = { premises: [], cameras: [], alarmAccounts: [], radioMembers: [], issis: [], talkgroups: [] };

describe('buildLocationRegisters', () => {
  it('takes the demo registers', () => {
    expect(buildLocationRegisters(DEMO_REGISTERS).alarmAccounts.get('7001')).toBe('boots-hitchin');
  });

  it.each<[string, LocationRegistersFile, RegExp]>([
    ['a town the gazetteer does not know', { ...empty, cameras: [{ id: 'C1', town: 'Atlantis' }] }, /unknown town "Atlantis"/],
    ['a client the company does not have', { ...empty, premises: [{ id: 'p', name: 'P', town: 'Hitchin', client: 'Acme' }] }, /unknown client "Acme"/],
    ['an alarm account for no premises', { ...empty, alarmAccounts: [{ account: '1', premisesId: 'nowhere' }] }, /unknown premises "nowhere"/],
    ['a radio member for no premises', { ...empty, radioMembers: [{ memberId: 'TL-1', premisesId: 'gone' }] }, /unknown premises "gone"/],
    ['an ISSI out of range', { ...empty, issis: [{ issi: 2 ** 24, town: 'Hitchin' }] }, /issis\.0\.issi/],
  ])('refuses %s, naming it', (_case, file, problem) => {
    expect(() => buildLocationRegisters(file, 'registers.json')).toThrow(problem);
  });
});
