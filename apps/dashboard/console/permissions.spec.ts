import { abilitiesOf } from './permissions';

describe('abilitiesOf', () => {
  const none = { seesIncidents: false, acts: false, addsNotes: false, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false };
  it.each([
    ['operator', { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true }],
    ['police', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true }],
    ['partner', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false }],
    ['contractor', none],
    [undefined, none],
  ] as const)('%s', (role, abilities) => expect(abilitiesOf(role)).toEqual(abilities));
});
