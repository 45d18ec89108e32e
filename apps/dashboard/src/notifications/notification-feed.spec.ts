import { createEnvelope, NotificationPushed } from '@vigil/contracts';
import { toNotification } from './notification-feed';

const NOTIFICATION: NotificationPushed = {
  deliveryId: 'd-1',
  receiver: 'police',
  audience: 'police',
  reason: 'first-notification',
  alerts: [],
  sentAt: '2026-11-28T23:00:00.000Z',
};
const envelope = (type: string, data: unknown) => createEnvelope({ id: 'd-1', source: '/vigil/notify', type, data });

describe('toNotification', () => {
  it.each<[string, ReturnType<typeof envelope>, NotificationPushed | undefined]>([
    ['a notification', envelope('vigil.notification.pushed', NOTIFICATION), NOTIFICATION],
    ['another event on the stream', envelope('vigil.incident.opened', NOTIFICATION), undefined],
    ['an audience no room belongs to', envelope('vigil.notification.pushed', { ...NOTIFICATION, audience: 'everyone' }), undefined],
    ['a partner audience that is two partners', envelope('vigil.notification.pushed', { ...NOTIFICATION, audience: 'partner.north-herts.stevenage' }), undefined],
  ])('%s', (_case, given, pushed) => {
    expect(toNotification(given)).toEqual(pushed);
  });
});
