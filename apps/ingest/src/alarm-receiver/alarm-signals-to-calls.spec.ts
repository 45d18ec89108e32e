import { callReceivedSchema } from '@vigil/contracts';
import { AccountRecord, AlarmSignal, ClassifiedSignal, classifySignal } from '../alarms';
import { alarmSignalsToCalls } from './alarm-signals-to-calls';

const record: AccountRecord = {
  account: '1234',
  partnerId: 'north-herts',
  site: 'Boots',
  address: '12 High Street, Hitchin',
  zones: { '3': 'Rear door' },
  users: { '7': 'J. Smith' },
};
const context = { account: '1234', record, receivedAt: new Date('2026-11-23T02:00:00Z'), messageKey: 'dc09-1234-0001' };

function signal(fields: Partial<AlarmSignal> & Pick<AlarmSignal, 'code'>): ClassifiedSignal {
  const base: AlarmSignal = { protocol: 'SIA-DCS', qualifier: 'new', description: 'desc', ...fields };
  return { ...base, classification: classifySignal(base) };
}

describe('alarmSignalsToCalls', () => {
  it.each([
    ['burglary alarm', signal({ code: 'BA', zone: 3, description: 'Burglary Alarm' }), 'routine', 'Alarm Activation', 'Intruder Alarm', 'Burglary Alarm zone 3 (Rear door): Boots, 12 High Street, Hitchin'],
    ['burglary restore', signal({ code: 'BR', zone: 3, qualifier: 'restore', description: 'Burglary Restoral' }), 'routine', 'Alarm Activation', 'Intruder Alarm', 'RESTORE Burglary Restoral zone 3 (Rear door): Boots, 12 High Street, Hitchin'],
    ['panic alarm', signal({ code: 'PA', user: 7, description: 'Panic Alarm' }), 'emergency', 'Alarm Activation', 'Personal Attack', 'Panic Alarm user 7 (J. Smith): Boots, 12 High Street, Hitchin'],
    ['Contact ID fire', signal({ protocol: 'ADM-CID', code: '110', zone: 1, description: 'Fire' }), 'routine', 'Arson/Fire', undefined, 'Fire zone 1: Boots, 12 High Street, Hitchin'],
  ])('a %s makes one call of the right urgency, category and wording', (_label, input, urgency, category, subcategory, summary) => {
    const [call] = alarmSignalsToCalls([input], context);
    expect(callReceivedSchema.parse(call)).toEqual(call);
    expect(call).toMatchObject({
      callKey: 'alarm:dc09-1234-0001:0',
      source: 'Alarm',
      urgency,
      summary,
      categoryHint: subcategory ? { category, subcategory } : { category },
      location: { alarmAccount: '1234', partnerId: 'north-herts', town: 'Hitchin Town Centre' },
      alarm: { account: '1234', code: input.code, qualifier: input.qualifier, site: 'Boots' },
    });
  });

  it.each([
    ['periodic test', signal({ code: 'RP', description: 'Automatic Test' })],
    ['closing', signal({ code: 'CL', user: 7, description: 'Closing Report' })],
  ])('makes no call for a %s', (_label, input) => {
    expect(alarmSignalsToCalls([input], context)).toEqual([]);
  });

  it('keys several signals of one message apart', () => {
    const calls = alarmSignalsToCalls([signal({ code: 'RP' }), signal({ code: 'BA', zone: 1 }), signal({ code: 'FA', zone: 2 })], context);
    expect(calls.map((c) => c.callKey)).toEqual(['alarm:dc09-1234-0001:1', 'alarm:dc09-1234-0001:2']);
  });
});
