import { EVENTS } from '../events';
import { notificationAudienceSchema, NotificationPushed, notificationPushedSchema, partnerAudience, partnerOfAudience } from './notification';

describe('notification audiences', () => {
  it.each([
    ['police', true],
    ['control-room', true],
    ['contractor', true],
    ['partner.north-herts', true],
    ['partner.', false],
    ['partner.north.herts', false],
    ['partner.North-Herts', false],
    ['partner.*', false],
    ['partner.>', false],
    ['partner', false],
    ['supervisor', false],
  ])('%s is an audience: %s', (audience, valid) => {
    expect(notificationAudienceSchema.safeParse(audience).success).toBe(valid);
  });

  it.each([
    ['police', undefined],
    ['contractor', undefined],
    ['partner.stevenage', 'stevenage'],
  ] as const)('%s names partner %s', (audience, partner) => {
    expect(partnerOfAudience(audience)).toBe(partner);
  });

  it('builds the partner audience it reads back', () => {
    expect(partnerOfAudience(partnerAudience('north-herts'))).toBe('north-herts');
  });
});

describe('notificationPushed', () => {
  const pushed: NotificationPushed = {
    deliveryId: 'd-1',
    receiver: 'north-herts-duty-officer',
    audience: 'partner.north-herts',
    reason: 'first-notification',
    alerts: [
      {
        fingerprint: 'incident:5b7c0d7e',
        kind: 'incident',
        reference: 'INC-2026-000101',
        summary: 'Two males running out of Boots with stock',
        status: 'firing',
        handling: 'unacknowledged',
        notice: 'incident-opened',
        labels: { kind: 'incident', partner: 'north-herts', town: 'Hitchin Town Centre', grade: '3' },
        tetraEmergency: false,
        startsAt: '2026-11-28T22:50:00.000Z',
        endsAt: null,
      },
    ],
    sentAt: '2026-11-28T23:00:00.000Z',
  };

  it('travels on notification.<audience>, so a partner\'s can be filtered on the partner', () => {
    expect(EVENTS.notificationPushed.subject(pushed)).toBe('notification.partner.north-herts');
    expect(EVENTS.notificationPushed.subject({ ...pushed, audience: 'police' })).toBe('notification.police');
  });

  it('accepts a whole notification and refuses one with an unknown audience', () => {
    expect(notificationPushedSchema.parse(pushed)).toEqual(pushed);
    expect(notificationPushedSchema.safeParse({ ...pushed, audience: 'everyone' }).success).toBe(false);
  });
});
