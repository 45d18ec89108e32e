import { entryAfterSend, PlannedDelivery } from '../../domain';
import { anAlert, NOW } from '../../testing/notify-fixtures';
import type { SendContext } from '../channel';
import { gsm7Length, toGsm7 } from './gsm7';
import { smsText } from './sms-text';

const LINK = 'https://vigil.example.gov.uk/ack/incident%3A1?sig=0123456789abcdef';
const context: SendContext = { deliveryId: 'd-7', attempt: 1, acknowledgeLinks: { 'incident:1': LINK } };

const assault = anAlert({ fingerprint: 'incident:1', reference: 'INC-2026-000101', summary: 'Fight outside the Market Theatre', labels: { grade: '1', category: 'Assault', town: 'Hitchin' } });

function delivered(...alerts: PlannedDelivery['alerts']): PlannedDelivery {
  const channel = { key: 'duty-inspector/sms/0', config: { type: 'sms' as const, to: ['+447700900123'], sendResolved: true } };
  return { groupKey: 'g', receiver: 'duty-inspector', channel, reason: 'first-notification', alerts, logEntry: entryAfterSend('g', channel.key, alerts, NOW) };
}

describe('smsText', () => {
  it.each<[string, PlannedDelivery, SendContext, string]>([
    ['a grade 1 with its link', delivered(assault), context, `VIGIL G1 INC-2026-000101 Assault Hitchin: Fight outside the Market Theatre - ack: ${LINK}`],
    ['no link to give', delivered(assault), { ...context, acknowledgeLinks: {} }, 'VIGIL G1 INC-2026-000101 Assault Hitchin: Fight outside the Market Theatre'],
    ['a TETRA emergency', delivered(anAlert({ tetraEmergency: true, summary: 'Officer needs help', labels: { grade: '2', category: 'Assistance', town: 'Baldock' } })), context,
      'VIGIL TETRA G2 INC-2026-000101 Assistance Baldock: Officer needs help'],
    ['resolved: no link', delivered(anAlert({ fingerprint: 'incident:1', status: 'resolved', endsAt: NOW, labels: { grade: '1', category: 'Assault', town: 'Hitchin' } })), context,
      'VIGIL RESOLVED G1 INC-2026-000101 Assault Hitchin: Theft at Boots'],
    ['a camera fault', delivered(anAlert({ fingerprint: 'fault:1', reference: 'FLT-2026-000123', summary: 'no-video on NH-014', labels: { kind: 'fault', grade: undefined, category: 'no-video', severity: 'emergency' } })), context,
      'VIGIL FAULT emergency FLT-2026-000123 no-video Hitchin Town Centre: no-video on NH-014'],
    ['several: the most urgent leads, the rest counted', delivered(anAlert({ fingerprint: 'incident:2', reference: 'INC-2026-000102' }), assault), context,
      `VIGIL G1 INC-2026-000101 Assault Hitchin: Fight outside the Market Theatre +1 more - ack: ${LINK}`],
  ])('%s', (_case, delivery, sendContext, text) => {
    expect(smsText(delivery, sendContext)).toBe(text);
  });

  it('cuts the summary to keep one 160-character segment, never the reference, count or link', () => {
    const long = anAlert({ fingerprint: 'incident:1', summary: 'Large group fighting outside the Market Theatre, one male on the ground, bottles thrown, door staff asking for police', labels: { grade: '1', category: 'Assault', town: 'Hitchin' } });

    const text = smsText(delivered(long, anAlert({ fingerprint: 'incident:2' })), context);

    // Cut at a character, then any space before the dots dropped: full, or one short of it.
    expect(gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(gsm7Length(text)).toBeGreaterThanOrEqual(158);
    expect(text).toMatch(/^VIGIL G1 INC-2026-000101 Assault Hitchin: Large group .*\.\.\. \+1 more - ack: /);
    expect(text.endsWith(LINK)).toBe(true);
  });

  it('drops the details rather than the link when the link alone nearly fills the message', () => {
    const longLink = `https://vigil.example.gov.uk/ack/${'x'.repeat(120)}`;

    const text = smsText(delivered(assault), { ...context, acknowledgeLinks: { 'incident:1': longLink } });

    expect(text).toBe(`VIGIL G1 INC-2026-000101 - ack: ${longLink}`);
  });

  it('sends only GSM-7, so one SMS is not split into 70-character UCS-2 parts', () => {
    const typed = anAlert({ fingerprint: 'incident:1', summary: '“Café” owner says he’s been hit – 2 males 🚨', labels: { grade: '1', category: 'Assault', town: 'Hitchin' } });

    expect(smsText(delivered(typed), context)).toBe(`VIGIL G1 INC-2026-000101 Assault Hitchin: "Café" owner says he's been hit - 2 males ? - ack: ${LINK}`);
  });
});

describe('toGsm7', () => {
  it.each([
    ['plain text', 'Theft at Boots', 'Theft at Boots'],
    ['accents GSM-7 has', 'Müller café', 'Müller café'],
    ['accents it does not', 'Łukasz ŝ', '?ukasz s'],
    ['ellipsis and new lines', 'one…\ntwo', 'one... two'],
  ])('%s', (_case, text, gsm) => {
    expect(toGsm7(text)).toBe(gsm);
  });
});
