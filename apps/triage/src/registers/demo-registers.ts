import { LocationRegistersFile } from './location-registers';

/**
 * The registers triage uses when no file is configured: a few premises, cameras and radios of
 * the demo night (apps/demo-gateway) and the tests. A real deployment names its own file.
 */
export const DEMO_REGISTERS: LocationRegistersFile = {
  premises: [
    { id: 'boots-hitchin', name: 'Boots', aliases: ['Boots the Chemist'], town: 'Hitchin Town Centre', point: { lat: 51.9489, lon: -0.2806 } },
    { id: 'red-lion-potters-bar', name: 'The Red Lion', aliases: ['Red Lion'], town: 'Potters Bar', point: { lat: 51.6946, lon: -0.1924 } },
    { id: 'westgate-stevenage', name: 'Westgate Centre', aliases: ['Westgate'], town: 'Stevenage Town Centre', point: { lat: 51.9034, lon: -0.2034 } },
    { id: 'tesco-hoddesdon', name: 'Tesco Hoddesdon', aliases: ['Tesco'], town: 'Hoddesdon', point: { lat: 51.7611, lon: -0.0117 } },
    { id: 'fearnhill-school', name: 'Fearnhill School', town: 'Letchworth Neighbourhoods', client: 'Hertfordshire Schools' },
    { id: 'six-templars-hertford', name: 'The Six Templars', aliases: ['Wetherspoons'], town: 'Hertford', point: { lat: 51.7956, lon: -0.0784 } },
    { id: 'coop-royston', name: 'Co-op', aliases: ['Co-op Royston'], town: 'Royston Town Centre', point: { lat: 52.0486, lon: -0.0237 } },
  ],
  // The demo's cameras reach triage from faults' register (its demo loads 1,568 of them, these among
  // them, in the same towns), and that projection wins over this list. They stay here for a triage
  // run without faults (the unit and correlation specs, a split deployment before faults is up).
  cameras: [
    { id: 'NH-014', town: 'Hitchin Town Centre', point: { lat: 51.9492, lon: -0.2801 } },
    { id: 'ST-101', town: 'Stevenage Town Centre', point: { lat: 51.9031, lon: -0.2029 } },
    { id: 'HM-022', town: 'Potters Bar', point: { lat: 51.6948, lon: -0.1921 } },
    { id: 'BX-003', town: 'Cheshunt', client: 'Broxbourne' },
  ],
  alarmAccounts: [
    { account: '7001', premisesId: 'boots-hitchin' },
    { account: '7002', premisesId: 'tesco-hoddesdon' },
    { account: '7003', premisesId: 'fearnhill-school' },
  ],
  radioMembers: [
    { memberId: 'TL-118', premisesId: 'boots-hitchin' },
    { memberId: 'PL-042', premisesId: 'red-lion-potters-bar' },
    { memberId: 'PL-107', premisesId: 'six-templars-hertford' },
    { memberId: 'TL-205', premisesId: 'coop-royston' },
  ],
  issis: [
    { issi: 2260201, town: 'Hitchin Town Centre' },
    { issi: 2260301, town: 'Stevenage Town Centre' },
  ],
  talkgroups: [
    { gssi: 9101, town: 'Hitchin Town Centre' },
    { gssi: 9102, town: 'Stevenage Town Centre' },
  ],
};
