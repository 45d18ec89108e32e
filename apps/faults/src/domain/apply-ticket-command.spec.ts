import { TicketStatus } from '@vigil/contracts';
import { applyTicketCommand, TicketEffect, TicketState } from './apply-ticket-command';
import { startClocks } from './sla-clock';
import { DEFAULT_SLA_CONTRACT } from './sla-contract';
import { TicketCommand } from './ticket-state-machine';

const h = 3_600_000;
const opened = startClocks(0, 'emergency', DEFAULT_SLA_CONTRACT, []);
const state = (status: TicketStatus): TicketState => ({ status, severity: 'emergency', clocks: opened });

describe('applyTicketCommand', () => {
  it.each<[string, TicketStatus, TicketCommand, Partial<TicketEffect>, { responseMet: number | null; fixMet: number | null; fixDue: number }]>([
    ['acknowledging stops no clock', 'reported', 'acknowledge', { status: 'acknowledged', change: 'acknowledged', faults: 'keep' }, { responseMet: null, fixMet: null, fixDue: 12 * h }],
    ['arriving meets the response clock', 'acknowledged', 'on-site', { status: 'engineer-on-site', change: 'engineer-on-site' }, { responseMet: 2 * h, fixMet: null, fixDue: 12 * h }],
    ['a remote fix meets both clocks', 'acknowledged', 'fixed', { status: 'fixed', change: 'fixed' }, { responseMet: 2 * h, fixMet: 2 * h, fixDue: 12 * h }],
    ['verifying closes the cameras\' faults', 'fixed', 'verify', { status: 'verified', faults: 'close' }, { responseMet: null, fixMet: null, fixDue: 12 * h }],
    ['reopening a fix restarts both clocks from now', 'fixed', 'reopen', { status: 'reopened', change: 'reopened', faults: 'keep' }, { responseMet: null, fixMet: null, fixDue: 14 * h }],
    ['reopening a verified fix reopens the cameras\' faults', 'verified', 'reopen', { status: 'reopened', faults: 'reopen' }, { responseMet: null, fixMet: null, fixDue: 14 * h }],
  ])('%s', (_what, status, command, expected, clocks) => {
    const result = applyTicketCommand(state(status), command, 2 * h, DEFAULT_SLA_CONTRACT, []);
    if (!result.ok) throw new Error(result.reason);
    expect(result.effect).toMatchObject(expected);
    expect({ responseMet: result.effect.clocks.response.metAt, fixMet: result.effect.clocks.fix.metAt, fixDue: result.effect.clocks.fix.dueAt }).toEqual(clocks);
  });

  it('keeps the response clock met at arrival when the fix comes later', () => {
    const onSite = applyTicketCommand(state('acknowledged'), 'on-site', 1 * h, DEFAULT_SLA_CONTRACT, []);
    if (!onSite.ok) throw new Error(onSite.reason);
    const fixed = applyTicketCommand({ ...state('engineer-on-site'), clocks: onSite.effect.clocks }, 'fixed', 5 * h, DEFAULT_SLA_CONTRACT, []);
    expect(fixed.ok && [fixed.effect.clocks.response.metAt, fixed.effect.clocks.fix.metAt]).toEqual([1 * h, 5 * h]);
  });

  it('passes the state machine\'s refusal on', () => {
    expect(applyTicketCommand(state('reported'), 'verify', 0, DEFAULT_SLA_CONTRACT, [])).toEqual({ ok: false, reason: 'not-fixed' });
  });
});
