import { abilitiesOf } from './permissions';

describe('abilitiesOf', () => {
  const none = { seesIncidents: false, acts: false, addsNotes: false, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false };
  it.each([
    ['operator', { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: true, reportsFaults: true }],
    ['supervisor', { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: true, reportsFaults: true }],
    ['police', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: false, reportsFaults: true }],
    ['partner', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false }],
    ['contractor', none],
    [undefined, none],
  ] as const)('%s', (role, abilities) => expect(abilitiesOf(role)).toEqual(abilities));
});
