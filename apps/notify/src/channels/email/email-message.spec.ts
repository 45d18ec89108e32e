import { entryAfterSend, PlannedDelivery } from '../../domain';
import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import type { SendContext } from '../channel';
import { emailMessage } from './email-message';

const assault = anAlert({ fingerprint: 'incident:1', reference: 'INC-2026-000101', summary: 'Fight outside the Market Theatre', labels: { grade: '1', category: 'Assault', town: 'Hitchin' } });
const theft = anAlert({ fingerprint: 'incident:2', reference: 'INC-2026-000102', summary: 'Theft at Boots', startsAt: at(-1200) });
const closed = anAlert({ fingerprint: 'incident:3', reference: 'INC-2026-000090', status: 'resolved', notice: 'incident-closed', endsAt: NOW, labels: { grade: '2', category: 'Criminal Damage' } });
const camera = anAlert({ fingerprint: 'fault:1', reference: 'FLT-2026-000123', summary: 'no-video on NH-014', labels: { kind: 'fault', grade: undefined, category: 'no-video', severity: 'emergency' } });
const gateway = anAlert({ fingerprint: 'supervision:1', reference: 'townlink:tl-hitchin', summary: 'no heartbeat for 180 s', labels: { kind: 'supervision', grade: undefined, category: undefined, town: undefined, source: 'townlink', state: 'late' } });

function delivered(...alerts: PlannedDelivery['alerts']): PlannedDelivery {
  const channel = { key: 'police-control-room/email/0', config: { type: 'email' as const, to: ['control@herts.police.example'], sendResolved: true } };
  return { groupKey: 'g', receiver: 'police-control-room', channel, reason: 'first-notification', alerts, logEntry: entryAfterSend('g', channel.key, alerts, NOW) };
}

const context: SendContext = { deliveryId: 'd-42', attempt: 1, acknowledgeLinks: { 'incident:1': 'https://vigil.example.gov.uk/ack/incident%3A1?sig=abc' } };

describe('emailMessage', () => {
  it.each<[string, PlannedDelivery, string]>([
    ['one grade 1 incident', delivered(assault), '[Vigil] FIRING grade 1 · INC-2026-000101 · Assault — Hitchin'],
    ['a TETRA emergency', delivered(anAlert({ tetraEmergency: true, labels: { grade: '2', category: 'Officer Assistance', town: 'Letchworth' } })), '[Vigil] FIRING TETRA emergency grade 2 · INC-2026-000101 · Officer Assistance — Letchworth'],
    ['one resolved incident', delivered(closed), '[Vigil] RESOLVED grade 2 · INC-2026-000090 · Criminal Damage — Hitchin Town Centre'],
    ['several, led by the most urgent', delivered(theft, assault, closed), '[Vigil] FIRING 2 alerts, 1 resolved · grade 1 · INC-2026-000101 · Assault — Hitchin'],
    ['a camera fault', delivered(camera), '[Vigil] FIRING emergency fault · FLT-2026-000123 · no-video — Hitchin Town Centre'],
    ['a source gone quiet', delivered(gateway), '[Vigil] FIRING townlink late · townlink:tl-hitchin'],
  ])('subject for %s', (_case, delivery, subject) => {
    expect(emailMessage(delivery, context).subject).toBe(subject);
  });

  it('lists every alert, most urgent first, with why now, labels, UK times and the acknowledge link', () => {
    const { text } = emailMessage(delivered(theft, closed, assault), context);

    expect(text).toBe(
      [
        'FIRING: 2 alerts, 1 resolved for police-control-room (first notification)',
        '',
        '1. FIRING · grade 1 · INC-2026-000101 · Assault — Hitchin',
        '   Fight outside the Market Theatre',
        '   Why now: incident opened',
        '   Partner: north-herts · Town: Hitchin · Grade: 1 · Category: Assault',
        '   Started: Sat, 28 Nov 2026, 22:50 GMT',
        '   Acknowledge: https://vigil.example.gov.uk/ack/incident%3A1?sig=abc',
        '',
        '2. FIRING · grade 3 · INC-2026-000102 · Theft — Hitchin Town Centre',
        '   Theft at Boots',
        '   Why now: incident opened',
        '   Partner: north-herts · Town: Hitchin Town Centre · Grade: 3 · Category: Theft',
        '   Started: Sat, 28 Nov 2026, 22:40 GMT',
        '',
        '3. RESOLVED · grade 2 · INC-2026-000090 · Criminal Damage — Hitchin Town Centre',
        '   Theft at Boots',
        '   Why now: incident closed',
        '   Partner: north-herts · Town: Hitchin Town Centre · Grade: 2 · Category: Criminal Damage',
        '   Started: Sat, 28 Nov 2026, 22:50 GMT',
        '   Ended: Sat, 28 Nov 2026, 23:00 GMT',
        '',
        'Delivery d-42, sent by Vigil.',
        '',
      ].join('\n'),
    );
  });

  it('says BST in summer', () => {
    const summer = anAlert({ startsAt: new Date('2026-07-04T21:15:00Z') });
    expect(emailMessage(delivered(summer), context).text).toContain('Started: Sat, 4 Jul 2026, 22:15 BST');
  });

  it('gives a resolved alert no acknowledge link, even if one was signed', () => {
    const links = { 'incident:3': 'https://vigil.example.gov.uk/ack/incident%3A3?sig=def' };
    expect(emailMessage(delivered(closed), { ...context, acknowledgeLinks: links }).text).not.toContain('Acknowledge');
  });

  it('escapes what callers wrote in the HTML alternative, and links the acknowledgement', () => {
    const scripted = anAlert({ fingerprint: 'incident:1', summary: 'Man shouting <script>alert("x")</script> & throwing bottles' });
    const { html } = emailMessage(delivered(scripted), context);

    expect(html).toContain('Man shouting &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; throwing bottles');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://vigil.example.gov.uk/ack/incident%3A1?sig=abc">Acknowledge</a>');
  });
});
