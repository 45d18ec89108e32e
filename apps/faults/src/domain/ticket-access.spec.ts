import { TicketStatus } from '@vigil/contracts';
import { canSeeAsset, decideFaultAccess, FaultAccessDecision, FaultAction, FaultActor } from './ticket-access';

const operator: FaultActor = { role: 'operator' };
const supervisor: FaultActor = { role: 'supervisor' };
const police: FaultActor = { role: 'police' };
const contractor: FaultActor = { role: 'contractor' };
const stevenage: FaultActor = { role: 'partner', partnerId: 'stevenage' };
const ofStevenage = { partnerId: 'stevenage' };
const ofNorthHerts = { partnerId: 'north-herts' };
const ofAClient = { partnerId: null };

describe('decideFaultAccess', () => {
  it.each<[string, FaultActor, FaultAction, TicketStatus | undefined, FaultAccessDecision]>([
    ['an operator reports', operator, 'report', undefined, 'allowed'],
    ['police report what they see', police, 'report', undefined, 'allowed'],
    ['an engineer reports what he finds', contractor, 'report', undefined, 'allowed'],
    ['the contractor acknowledges', contractor, 'acknowledge', 'reported', 'allowed'],
    ['the contractor is on site', contractor, 'on-site', 'acknowledged', 'allowed'],
    ['the contractor fixes', contractor, 'fixed', 'engineer-on-site', 'allowed'],
    ['the contractor never verifies its own work', contractor, 'verify', 'fixed', 'role-may-not'],
    ['the contractor never reopens', contractor, 'reopen', 'fixed', 'role-may-not'],
    ['an operator does not do the contractor\'s steps', operator, 'acknowledge', 'reported', 'role-may-not'],
    ['an operator verifies', operator, 'verify', 'fixed', 'allowed'],
    ['an operator reopens a fix that did not hold', operator, 'reopen', 'fixed', 'allowed'],
    ['an operator does not overturn a verification', operator, 'reopen', 'verified', 'role-may-not'],
    ['a supervisor overturns a verification', supervisor, 'reopen', 'verified', 'allowed'],
    ['a supervisor records the contractor\'s step phoned in', supervisor, 'on-site', 'acknowledged', 'allowed'],
    ['police do not verify', police, 'verify', 'fixed', 'role-may-not'],
    ['the control room plans maintenance', operator, 'plan-maintenance', undefined, 'allowed'],
    ['the contractor does not stop its own clock', contractor, 'plan-maintenance', undefined, 'role-may-not'],
    ['an operator keeps the register', operator, 'manage-register', undefined, 'allowed'],
    ['police read the register, not write it', police, 'manage-register', undefined, 'role-may-not'],
    ['the contractor reads the register, not write it', contractor, 'manage-register', undefined, 'role-may-not'],
  ])('%s', (_what, actor, action, status, expected) => {
    expect(decideFaultAccess(actor, ofStevenage, action, status)).toBe(expected);
  });

  it.each<[string, { partnerId: string | null }, FaultAccessDecision]>([
    ['its own ticket: sees it, may not act', ofStevenage, 'role-may-not'],
    ["another partner's ticket: not visible", ofNorthHerts, 'not-visible'],
    ["a client's ticket: not visible", ofAClient, 'not-visible'],
  ])('a partner and %s', (_what, owner, expected) => {
    expect(decideFaultAccess(stevenage, owner, 'verify', 'fixed')).toBe(expected);
  });
});

describe('canSeeAsset', () => {
  it.each<[FaultActor, { partnerId: string | null }, boolean]>([
    [operator, ofAClient, true],
    [police, ofNorthHerts, true],
    [contractor, ofAClient, true],
    [stevenage, ofStevenage, true],
    [stevenage, ofNorthHerts, false],
    [stevenage, ofAClient, false],
  ])('%j sees %j: %s', (actor, owner, expected) => {
    expect(canSeeAsset(actor, owner)).toBe(expected);
  });
});
