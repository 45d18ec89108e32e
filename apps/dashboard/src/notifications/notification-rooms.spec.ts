import { Principal } from '@vigil/auth';
import { NotificationAudience } from '@vigil/contracts';
import { notificationRoomsFor, receivesNotification, roomsForNotification } from './notification-rooms';

const police: Principal = { subject: 'pc', role: 'police' };
const operator: Principal = { subject: 'op', role: 'operator' };
const supervisor: Principal = { subject: 'sup', role: 'supervisor' };
const northHerts: Principal = { subject: 'nhdc', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc', role: 'partner', partnerId: 'stevenage' };
const partnerWithoutPartner: Principal = { subject: 'odd', role: 'partner' };
const contractor: Principal = { subject: 'eng', role: 'contractor' };

describe('notification rooms', () => {
  it.each<[NotificationAudience, string[]]>([
    ['police', ['notifications:police']],
    ['control-room', ['notifications:control-room']],
    ['contractor', ['notifications:contractor']],
    ['partner.north-herts', ['notifications:partner:north-herts']],
    ['partner.stevenage', ['notifications:partner:stevenage']],
  ])('a notification for %s goes to %j', (audience, rooms) => {
    expect(roomsForNotification(audience)).toEqual(rooms);
  });

  const audiences: NotificationAudience[] = ['police', 'control-room', 'contractor', 'partner.north-herts', 'partner.stevenage'];

  it.each<[string, NotificationAudience[], Principal]>([
    ['police', ['police'], police],
    ['an operator', ['police', 'control-room'], operator],
    ['the supervisor', ['police', 'control-room'], supervisor],
    ['North Herts', ['partner.north-herts'], northHerts],
    ['Stevenage', ['partner.stevenage'], stevenage],
    ['a partner token without a partner', [], partnerWithoutPartner],
    ['the contractor', ['contractor'], contractor],
  ])('%s is pushed exactly %j', (_who, receives, principal) => {
    expect(audiences.filter((audience) => receivesNotification(principal, audience))).toEqual(receives);
    // The rooms it joins are exactly the rooms of those audiences: no room it joins for nothing.
    expect(notificationRoomsFor(principal).sort()).toEqual(receives.flatMap(roomsForNotification).sort());
  });
});
