import { NotificationAudience, partnerAudience } from '@vigil/contracts';
import type { ReceiverConfig, ReceiverRole } from '../../domain';

/**
 * Whose consoles a receiver's socket channel reaches. The role decides, never the receiver's name:
 * a partner's duty officer is that partner's audience alone, so a rule sending it another partner's
 * alert (which the routing rules already refuse) still could not put them on the wrong consoles. A
 * system behind a webhook has no console of its own; its socket channel shows on the control room's.
 */
const AUDIENCE_OF_ROLE: Record<Exclude<ReceiverRole, 'partner-duty-officer'>, NotificationAudience> = {
  'police-control-room': 'police',
  'control-room-supervisor': 'control-room',
  'maintenance-contractor': 'contractor',
  webhook: 'control-room',
};

/** The audience a receiver's socket notifications are pushed to. */
export function audienceOfReceiver(receiver: Pick<ReceiverConfig, 'role' | 'partner'>): NotificationAudience {
  if (receiver.role !== 'partner-duty-officer') return AUDIENCE_OF_ROLE[receiver.role];
  // The schema refuses a duty officer without a partner; this keeps a hand-built one from reaching everyone.
  if (!receiver.partner) throw new Error("a partner's duty officer names the partner");
  return partnerAudience(receiver.partner);
}
