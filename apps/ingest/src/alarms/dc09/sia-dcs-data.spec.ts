import { AlarmSignal } from './alarm-signal';
import { parseSiaDcsData } from './sia-dcs-data';

const sia = (fields: Partial<AlarmSignal> & Pick<AlarmSignal, 'code' | 'description'>): AlarmSignal => ({
  protocol: 'SIA-DCS',
  qualifier: 'new',
  ...fields,
});

describe('parseSiaDcsData', () => {
  it.each<[string, string, AlarmSignal[]]>([
    ['burglary with area and zone', '#1234|Nri1/BA01', [sia({ code: 'BA', description: 'Burglary Alarm', partition: 1, zone: 1 })]],
    ['its restore', '#1234|Nri1/BH01', [sia({ code: 'BH', qualifier: 'restore', description: 'Burglary Alarm Restore', partition: 1, zone: 1 })]],
    [
      'several events, modifiers holding until changed',
      '#1234|Nri1/BA01/BA02/ri2/FA05',
      [
        sia({ code: 'BA', description: 'Burglary Alarm', partition: 1, zone: 1 }),
        sia({ code: 'BA', description: 'Burglary Alarm', partition: 1, zone: 2 }),
        sia({ code: 'FA', description: 'Fire Alarm', partition: 2, zone: 5 }),
      ],
    ],
    ['closing by user (pysiaalarm case_cl)', '|Nri1/CL501', [sia({ code: 'CL', description: 'Closing Report', partition: 1, user: 501 })]],
    ['no account, no bar (pysiaalarm case_wa)', 'Nri1/WA000', [sia({ code: 'WA', description: 'Water Alarm', partition: 1, zone: 0 })]],
    [
      'modifier glued to the code, ^text^ (pysiaalarm case_bug)',
      '#123456|Nri1CL0^VX FRONTE ^',
      [sia({ code: 'CL', description: 'Closing Report', partition: 1, user: 0, text: 'VX FRONTE' })],
    ],
    [
      'heat restoral with text (pysiaalarm case_bug2)',
      '#123456|Nri0KR1^TAST. 001 ^',
      [sia({ code: 'KR', qualifier: 'restore', description: 'Heat Restoral', partition: 0, zone: 1, text: 'TAST. 001' })],
    ],
    ['trailing text after the number (pysiaalarm case_op)', '#006969|Nri04/OP001NM', [sia({ code: 'OP', description: 'Opening Report', partition: 4, user: 1, text: 'NM' })]],
    ['a |A text block (fioletoven)', '#1234|NRR|Atest', [sia({ code: 'RR', description: 'Power Up', text: 'test' })]],
    ['a code whose number is unused', '|Nri0/RP000', [sia({ code: 'RP', description: 'Automatic Test', partition: 0 })]],
    ['an area-number code', '#1234|NCG2', [sia({ code: 'CG', description: 'Close Area', partition: 2 })]],
    ['an id modifier giving the user', '#1234|Nid7/BA3', [sia({ code: 'BA', description: 'Burglary Alarm', user: 7, zone: 3 })]],
    ['a time modifier, ignored', '#1234|Nti12:30/BA3', [sia({ code: 'BA', description: 'Burglary Alarm', zone: 3 })]],
    ['a code starting with N and no N prefix', '#1234|NA01', [sia({ code: 'NA', description: 'No Activity', zone: 1 })]],
    ['an unknown code, flagged', '|Nri1/ZX000', [sia({ code: 'ZX', description: 'Unknown SIA code ZX', partition: 1, zone: 0, unknownCode: true })]],
    ['an empty block', '', []],
    ['an account and nothing else', '#1234|', []],
    ['only N', 'N', []],
  ])('reads %s', (_name, data, signals) => {
    expect(parseSiaDcsData(data)).toEqual({ ok: true, signals });
  });

  it.each([
    ['a number before the code', '#1234|Nri1/1BA'],
    ['digits without a code', '#1234|N/123'],
    ['punctuation', '#1234|N/!!'],
    ['a one-letter code', '#1234|N/B'],
  ])('refuses %s', (_name, data) => {
    expect(parseSiaDcsData(data)).toEqual({ ok: false, reason: expect.stringMatching(/two-letter code/) });
  });
});
