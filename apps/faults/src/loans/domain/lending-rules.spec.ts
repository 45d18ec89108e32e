import type { CameraType } from '@vigil/contracts';
import { FaultActor } from '../../domain/ticket-access';
import { decideLending, isRecordedAhead } from './lending';
import { decideLoanAccess, LoanAction } from './loan-access';
import { decideWaitingCommand, orderWaitingList, QueuePlace, WaitingCommand } from './waiting-list';

describe('which camera may be lent', () => {
  it.each<[string, CameraType, boolean, boolean, string | null]>([
    ['a free redeployable camera', 'redeployable-4g', false, false, null],
    ['a fixed camera', 'ptz-dome', false, false, 'not-redeployable'],
    ['a static camera on loan elsewhere', 'static', false, true, 'not-redeployable'],
    ['a decommissioned redeployable camera', 'redeployable-4g', true, false, 'camera-decommissioned'],
    ['a redeployable camera already lent', 'redeployable-4g', false, true, 'camera-on-loan'],
  ])('%s', (_, type, decommissioned, heldByDeployment, reason) => {
    expect(decideLending({ type, decommissioned, heldByDeployment })).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('a recorded time', () => {
  const now = Date.UTC(2026, 10, 23, 12);
  it.each<[string, number, boolean]>([
    ['yesterday', now - 86_400_000, false],
    ['now', now, false],
    ['a phone four minutes fast', now + 4 * 60_000, false],
    ['tomorrow', now + 86_400_000, true],
  ])('%s is ahead of the record: %s', (_, at, ahead) => {
    expect(isRecordedAhead(at, now)).toBe(ahead);
  });
});

describe('the waiting list order', () => {
  const entry = (id: string, addedAt: number, prioritisedAt: number | null = null, seq = addedAt): QueuePlace & { id: string } => ({ id, addedAt, prioritisedAt, seq });

  it.each<[string, (QueuePlace & { id: string })[], string[]]>([
    ['first added, first served', [entry('b', 20), entry('a', 10), entry('c', 30)], ['a', 'b', 'c']],
    ['a priority goes to the front', [entry('a', 10), entry('b', 20), entry('c', 30, 40)], ['c', 'a', 'b']],
    ['a later priority stays behind an earlier one', [entry('a', 10, 60), entry('b', 20), entry('c', 30, 50)], ['c', 'a', 'b']],
    ['the same millisecond: the order they were stored', [entry('y', 10, null, 2), entry('x', 10, null, 1)], ['x', 'y']],
    ['an empty list', [], []],
  ])('%s', (_, entries, order) => {
    expect(orderWaitingList(entries).map((e) => e.id)).toEqual(order);
  });

  it.each<['waiting' | 'taken', boolean, WaitingCommand, string | null]>([
    ['waiting', false, 'prioritise', null],
    ['waiting', true, 'prioritise', 'already-prioritised'],
    ['waiting', true, 'contact', null],
    ['waiting', true, 'take', null],
    ['taken', false, 'contact', 'not-waiting'],
    ['taken', false, 'prioritise', 'not-waiting'],
    ['taken', false, 'take', 'not-waiting'],
  ])('a %s entry (prioritised: %s) may %s: refusal %s', (status, prioritised, command, reason) => {
    expect(decideWaitingCommand({ status, prioritised }, command)).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('who may lend and read', () => {
  const own = { partnerId: 'stevenage' };
  it.each<[FaultActor, LoanAction, { partnerId: string | null }, string]>([
    [{ role: 'operator' }, 'manage', own, 'allowed'],
    [{ role: 'supervisor' }, 'manage', own, 'allowed'],
    [{ role: 'partner', partnerId: 'stevenage' }, 'read', own, 'allowed'],
    [{ role: 'partner', partnerId: 'stevenage' }, 'manage', own, 'role-may-not'],
    [{ role: 'partner', partnerId: 'hertsmere' }, 'read', own, 'not-visible'],
    [{ role: 'partner', partnerId: 'stevenage' }, 'read', { partnerId: null }, 'not-visible'],
    [{ role: 'police' }, 'read', own, 'role-may-not'],
    [{ role: 'contractor' }, 'read', own, 'role-may-not'],
  ])('%o may %s: %s', (actor, action, owner, decision) => {
    expect(decideLoanAccess(actor, owner, action)).toBe(decision);
  });
});
