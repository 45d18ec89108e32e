import { AlarmSignal } from './alarm-signal';
import { parseAdmCidData } from './adm-cid-data';

const cid = (fields: Partial<AlarmSignal> & Pick<AlarmSignal, 'code' | 'description'>): AlarmSignal => ({
  protocol: 'ADM-CID',
  qualifier: 'new',
  ...fields,
});

describe('parseAdmCidData', () => {
  it.each<[string, string, AlarmSignal]>([
    ['burglary, new', '#1111|1130 01 003', cid({ code: '130', description: 'Burglary', partition: 1, zone: 3 })],
    ['burglary, restore', '#1111|3130 01 003', cid({ code: '130', qualifier: 'restore', description: 'Burglary', partition: 1, zone: 3 })],
    ['a condition still present', '#1111|6301 00 000', cid({ code: '301', qualifier: 'status', description: 'AC loss' })],
    ['fire in zone 129 (pysiaalarm case_adm_cid)', '#12345A|1110 00 129', cid({ code: '110', description: 'Fire', zone: 129 })],
    ['closing by user 57 (pysiaalarm case_adm_cid2)', '#4F39|3401 01 057', cid({ code: '401', qualifier: 'restore', description: 'O/C by user', partition: 1, user: 57 })],
    ['duress names a user', '#1111|1121 00 004', cid({ code: '121', description: 'Duress', user: 4 })],
    ['no account, leading bar (pysiaalarm generator)', '|1602 00 000', cid({ code: '602', description: 'Periodic test report' })],
    ['no account, no bar', '1602 00 000', cid({ code: '602', description: 'Periodic test report' })],
    ['a code known only to pysiaalarm', '#1111|1358 00 000', cid({ code: '358', description: 'Contact ID 358' })],
    ['an unknown code, flagged', '#1111|1998 00 001', cid({ code: '998', description: 'Unknown Contact ID code 998', zone: 1, unknownCode: true })],
  ])('reads %s', (_name, data, signal) => {
    expect(parseAdmCidData(data)).toEqual({ ok: true, signals: [signal] });
  });

  it.each([
    ['qualifier 2', '#1111|2130 01 003', /qualifier 2/],
    ['a SIA block', '#1111|Nri1/BA01', /QXYZ GG CCC/],
    ['a missing space', '#1111|1130 01003', /QXYZ GG CCC/],
    ['a short zone', '#1111|1130 01 03', /QXYZ GG CCC/],
    ['empty', '', /QXYZ GG CCC/],
  ])('refuses %s', (_name, data, reason) => {
    expect(parseAdmCidData(data)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
