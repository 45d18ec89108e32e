import { abilitiesOf } from './permissions';

describe('abilitiesOf', () => {
  const none = { seesIncidents: false, acts: false, addsNotes: false, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false, seesNotifications: false, managesAlerts: false, editsRouting: false };
  it.each([
    ['operator', { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: true, reportsFaults: true, seesNotifications: true, managesAlerts: true, editsRouting: false }],
    ['supervisor', { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: true, reportsFaults: true, seesNotifications: true, managesAlerts: true, editsRouting: true }],
    ['police', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: false, reportsFaults: true, seesNotifications: true, managesAlerts: false, editsRouting: false }],
    ['partner', { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false, seesNotifications: false, managesAlerts: false, editsRouting: false }],
    ['contractor', none],
    [undefined, none],
  ] as const)('%s', (role, abilities) => expect(abilitiesOf(role)).toEqual(abilities));
});
