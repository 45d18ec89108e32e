import taxonomy from '../../../../../libs/contracts/src/reference/taxonomy.json';
import { AlarmSignal } from './alarm-signal';
import { contactIdEvent, siaCode } from './event-codes';
import { Classification, classifySignal } from './signal-classifier';

const signal = (protocol: AlarmSignal['protocol'], code: string, extra: Partial<AlarmSignal> = {}): AlarmSignal => ({
  protocol,
  code,
  qualifier: 'new',
  description: '',
  ...extra,
});

describe('classifySignal', () => {
  it.each<[string, AlarmSignal, Classification]>([
    ['SIA intruder', signal('SIA-DCS', 'BA'), { kind: 'intruder', category: 'Alarm Activation', subcategory: 'Intruder Alarm', incident: true }],
    ['SIA intruder restore keeps its category', signal('SIA-DCS', 'BH', { qualifier: 'restore' }), { kind: 'intruder', category: 'Alarm Activation', subcategory: 'Intruder Alarm', incident: true }],
    ['SIA panic', signal('SIA-DCS', 'PA'), { kind: 'personal-attack', category: 'Alarm Activation', subcategory: 'Personal Attack', incident: true }],
    ['CID duress', signal('ADM-CID', '121'), { kind: 'personal-attack', category: 'Alarm Activation', subcategory: 'Personal Attack', incident: true }],
    ['CID fire', signal('ADM-CID', '110'), { kind: 'fire', category: 'Arson/Fire', subcategory: null, incident: true }],
    ['SIA tamper', signal('SIA-DCS', 'TA'), { kind: 'tamper', category: 'Alarm Activation', subcategory: 'Monitored site', incident: true }],
    ['CID AC loss', signal('ADM-CID', '301'), { kind: 'ac-loss', category: 'Alarm Activation', subcategory: 'Monitored site', incident: true }],
    ['SIA water alarm', signal('SIA-DCS', 'WA'), { kind: 'other', category: 'Alarm Activation', subcategory: 'Monitored site', incident: true }],
    ['CID medical', signal('ADM-CID', '100'), { kind: 'other', category: 'Alarm Activation', subcategory: 'Monitored site', incident: true }],
    ['unknown code flagged for an operator', signal('SIA-DCS', 'ZX', { unknownCode: true }), { kind: 'other', category: 'Alarm Activation', subcategory: 'Monitored site', incident: true }],
    ['SIA periodic test: not an incident', signal('SIA-DCS', 'RP'), { kind: 'test-report', category: null, subcategory: null, incident: false }],
    ['CID periodic test: not an incident', signal('ADM-CID', '602'), { kind: 'test-report', category: null, subcategory: null, incident: false }],
    ['closing: not an incident', signal('SIA-DCS', 'CL'), { kind: 'opening-closing', category: null, subcategory: null, incident: false }],
    ['battery trouble: not an incident', signal('SIA-DCS', 'YT'), { kind: 'trouble', category: null, subcategory: null, incident: false }],
    ['time changed: not an incident', signal('SIA-DCS', 'JT'), { kind: 'other', category: null, subcategory: null, incident: false }],
    ['CID access denied: not an incident', signal('ADM-CID', '421'), { kind: 'other', category: null, subcategory: null, incident: false }],
  ])('%s', (_name, input, expected) => {
    expect(classifySignal(input)).toEqual(expected);
  });

  it('only ever names categories and subcategories that exist in the taxonomy', () => {
    const known = new Map(taxonomy.categories.map((c) => [c.name, c.subcategories as string[]]));
    const sia = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').flatMap((a) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((b) => a + b));
    const cid = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
    const all = [
      ...sia.map((c) => signal('SIA-DCS', c, siaCode(c) ? {} : { unknownCode: true })),
      ...cid.map((c) => signal('ADM-CID', c, contactIdEvent(c) ? {} : { unknownCode: true })),
    ].map(classifySignal);
    for (const { category, subcategory, incident } of all) {
      expect(incident).toBe(category !== null);
      if (category === null) continue;
      expect(known.has(category)).toBe(true);
      if (subcategory !== null) expect(known.get(category)).toContain(subcategory);
    }
  });
});
