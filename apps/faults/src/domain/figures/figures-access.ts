import { FaultActor } from '../ticket-access';

/** The figures reports faults serves. */
export type FiguresReport = 'camera-history' | 'response-times' | 'camera-availability' | 'owner-availability' | 'faults-per-quarter' | 'breaches-per-month';

/** Whose cameras and tickets a report may count: all, one partner's, or those the contractor's tickets cover. */
export type FiguresScope = { kind: 'all' } | { kind: 'partner'; partnerId: string } | { kind: 'ticketed' };

/** The answer: the scope to count within, or why not. */
export type FiguresAccess = { allowed: true; scope: FiguresScope } | { allowed: false; reason: 'role-may-not' };

/**
 * Who may read which figures, as ticket-access.ts has it for the tickets themselves: the control
 * room and the police see every camera; a partner its own cameras only (never a client's). The
 * contractor sees what its tickets cover, so cameras it never had a ticket for are outside its
 * figures, and an owner's availability, which is over every camera the owner has, is not its to read.
 */
export function decideFiguresAccess(actor: FaultActor, report: FiguresReport): FiguresAccess {
  switch (actor.role) {
    case 'partner':
      return actor.partnerId ? { allowed: true, scope: { kind: 'partner', partnerId: actor.partnerId } } : { allowed: false, reason: 'role-may-not' };
    case 'contractor':
      return report === 'owner-availability' ? { allowed: false, reason: 'role-may-not' } : { allowed: true, scope: { kind: 'ticketed' } };
    case 'operator':
    case 'supervisor':
    case 'police':
      return { allowed: true, scope: { kind: 'all' } };
  }
}
