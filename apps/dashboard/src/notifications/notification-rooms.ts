import { Principal } from '@vigil/auth';
import { NotificationAudience, partnerOfAudience } from '@vigil/contracts';

/** Notifications for the police control room: police, and the operators and supervisor beside them. */
export const POLICE_NOTIFICATIONS_ROOM = 'notifications:police';
/** Notifications for the control room itself (its supervisor's receivers): operators and the supervisor. */
export const CONTROL_ROOM_NOTIFICATIONS_ROOM = 'notifications:control-room';
/** Notifications for the maintenance contractor, and nobody else. */
export const CONTRACTOR_NOTIFICATIONS_ROOM = 'notifications:contractor';

/** The notifications room of one partner's users. */
export function partnerNotificationsRoom(partnerId: string): string {
  return `notifications:partner:${partnerId}`;
}

/**
 * The rooms a notification is pushed to: one per audience, so a partner's or the contractor's never
 * reaches a room police are in, nor the reverse.
 */
export function roomsForNotification(audience: NotificationAudience): string[] {
  const partnerId = partnerOfAudience(audience);
  if (partnerId !== undefined) return [partnerNotificationsRoom(partnerId)];
  switch (audience) {
    case 'police':
      return [POLICE_NOTIFICATIONS_ROOM];
    case 'control-room':
      return [CONTROL_ROOM_NOTIFICATIONS_ROOM];
    case 'contractor':
      return [CONTRACTOR_NOTIFICATIONS_ROOM];
  }
  return [];
}

/**
 * The notification rooms a dashboard user joins. Operators and their supervisor sit beside the
 * police and share their incident room, so they see what police are told as well as the control
 * room's own; police are not given the control room's internal ones (sources down, staff escalations).
 */
export function notificationRoomsFor(principal: Principal): string[] {
  switch (principal.role) {
    case 'police':
      return [POLICE_NOTIFICATIONS_ROOM];
    case 'operator':
    case 'supervisor':
      return [POLICE_NOTIFICATIONS_ROOM, CONTROL_ROOM_NOTIFICATIONS_ROOM];
    case 'partner':
      return principal.partnerId ? [partnerNotificationsRoom(principal.partnerId)] : [];
    case 'contractor':
      return [CONTRACTOR_NOTIFICATIONS_ROOM];
  }
}

/** Whether a user is pushed notifications of an audience: the two rules above, met. */
export function receivesNotification(principal: Principal, audience: NotificationAudience): boolean {
  const rooms = notificationRoomsFor(principal);
  return roomsForNotification(audience).some((room) => rooms.includes(room));
}
