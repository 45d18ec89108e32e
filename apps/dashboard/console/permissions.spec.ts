import { abilitiesOf } from './permissions';

describe('abilitiesOf', () => {
  it.each([
    ['police', { seesIncidents: true, acts: true, addsNotes: true, seesMachinery: true, filtersByPartner: true }],
    ['operator', { seesIncidents: true, acts: true, addsNotes: true, seesMachinery: true, filtersByPartner: true }],
    ['partner', { seesIncidents: true, acts: false, addsNotes: true, seesMachinery: false, filtersByPartner: false }],
    ['contractor', { seesIncidents: false, acts: false, addsNotes: false, seesMachinery: false, filtersByPartner: false }],
    [undefined, { seesIncidents: false, acts: false, addsNotes: false, seesMachinery: false, filtersByPartner: false }],
  ] as const)('%s', (role, abilities) => expect(abilitiesOf(role)).toEqual(abilities));
});
