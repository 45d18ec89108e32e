import { TICKET_STATUSES, TicketStatus } from '@vigil/contracts';
import { decideTicketTransition, TICKET_COMMANDS, TicketCommand, TicketTransition } from './ticket-state-machine';

const ok = (status: TicketStatus): TicketTransition => ({ allowed: true, status });
const no = (reason: string): TicketTransition => ({ allowed: false, reason }) as TicketTransition;

describe('decideTicketTransition', () => {
  it.each<[TicketStatus, TicketCommand, TicketTransition]>([
    ['reported', 'acknowledge', ok('acknowledged')],
    ['reopened', 'acknowledge', ok('acknowledged')],
    ['acknowledged', 'acknowledge', no('already-acknowledged')],
    ['fixed', 'acknowledge', no('already-acknowledged')],
    ['verified', 'acknowledge', no('ticket-verified')],
    ['acknowledged', 'on-site', ok('engineer-on-site')],
    ['reported', 'on-site', ok('engineer-on-site')],
    ['reopened', 'on-site', ok('engineer-on-site')],
    ['engineer-on-site', 'on-site', no('already-on-site')],
    ['fixed', 'on-site', no('already-fixed')],
    ['verified', 'on-site', no('ticket-verified')],
    ['engineer-on-site', 'fixed', ok('fixed')],
    ['acknowledged', 'fixed', ok('fixed')],
    ['reported', 'fixed', no('not-acknowledged')],
    ['reopened', 'fixed', no('not-acknowledged')],
    ['fixed', 'fixed', no('already-fixed')],
    ['verified', 'fixed', no('ticket-verified')],
    ['fixed', 'verify', ok('verified')],
    ['engineer-on-site', 'verify', no('not-fixed')],
    ['reported', 'verify', no('not-fixed')],
    ['verified', 'verify', no('already-verified')],
    ['fixed', 'reopen', ok('reopened')],
    ['verified', 'reopen', ok('reopened')],
    ['engineer-on-site', 'reopen', no('not-fixed')],
    ['reported', 'reopen', no('not-fixed')],
    ['reopened', 'reopen', no('not-fixed')],
  ])('%s + %s → %j', (status, command, expected) => {
    expect(decideTicketTransition(status, command)).toEqual(expected);
  });

  it.each(TICKET_COMMANDS)('refuses %s on a ticket merged into an outage', (command) => {
    expect(decideTicketTransition('merged', command)).toEqual({ allowed: false, reason: 'ticket-merged' });
  });

  it.each(TICKET_COMMANDS)('only ever moves forward, or from fixed/verified back to reopened: %s', (command) => {
    const order: TicketStatus[] = ['reported', 'acknowledged', 'engineer-on-site', 'fixed', 'verified'];
    for (const status of TICKET_STATUSES) {
      const decision = decideTicketTransition(status, command);
      if (!decision.allowed) continue;
      if (decision.status === 'reopened') expect(['fixed', 'verified']).toContain(status);
      else expect(order.indexOf(decision.status)).toBeGreaterThan(status === 'reopened' ? 0 : order.indexOf(status));
    }
  });
});
