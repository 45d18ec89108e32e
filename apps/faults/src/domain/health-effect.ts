import type { HealthTransition } from './camera-health';

/** What a committed health transition does to the camera's tickets; the reason is a log field and a metric label. */
export type HealthEffect =
  | { action: 'open-ticket'; reason: 'camera-went-down' | 'camera-started-flapping' }
  | { action: 'note-on-open-ticket'; reason: 'already-has-open-ticket' | 'recovered' | 'started-flapping' | 'stopped-flapping' }
  | { action: 'none'; reason: 'no-open-ticket' };

/**
 * A camera that goes down, or starts flapping, gets a ticket unless it has one open (reported by a
 * person, or still open from before): then the transition is a line on that ticket, not a second
 * ticket. A recovery or the end of flapping is recorded on the open ticket, and the ticket stays
 * for the contractor: a camera that came back by itself still failed, and the cause (a loose
 * connector, a failing PSU) is found on site; the camera stays out of public view until the
 * control room verifies the fix, as for any fault.
 */
export function decideHealthEffect(transition: HealthTransition['kind'], hasOpenTicket: boolean): HealthEffect {
  switch (transition) {
    case 'went-down':
      return hasOpenTicket ? { action: 'note-on-open-ticket', reason: 'already-has-open-ticket' } : { action: 'open-ticket', reason: 'camera-went-down' };
    case 'started-flapping':
      return hasOpenTicket ? { action: 'note-on-open-ticket', reason: 'started-flapping' } : { action: 'open-ticket', reason: 'camera-started-flapping' };
    case 'came-up':
      return hasOpenTicket ? { action: 'note-on-open-ticket', reason: 'recovered' } : { action: 'none', reason: 'no-open-ticket' };
    case 'stopped-flapping':
      return hasOpenTicket ? { action: 'note-on-open-ticket', reason: 'stopped-flapping' } : { action: 'none', reason: 'no-open-ticket' };
  }
}
