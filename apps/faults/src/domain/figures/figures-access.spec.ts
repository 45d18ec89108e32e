import { FaultActor } from '../ticket-access';
import { decideFiguresAccess, FiguresAccess, FiguresReport } from './figures-access';

const operator: FaultActor = { role: 'operator' };
const supervisor: FaultActor = { role: 'supervisor' };
const police: FaultActor = { role: 'police' };
const contractor: FaultActor = { role: 'contractor' };
const stevenage: FaultActor = { role: 'partner', partnerId: 'stevenage' };
const partnerWithoutPartner: FaultActor = { role: 'partner' };

describe('decideFiguresAccess', () => {
  it.each<[string, FaultActor, FiguresReport, FiguresAccess]>([
    ['an operator counts every camera', operator, 'owner-availability', { allowed: true, scope: { kind: 'all' } }],
    ['a supervisor counts every camera', supervisor, 'breaches-per-month', { allowed: true, scope: { kind: 'all' } }],
    ['the police see every camera, as they see every ticket', police, 'camera-availability', { allowed: true, scope: { kind: 'all' } }],
    ['a partner counts its own cameras', stevenage, 'owner-availability', { allowed: true, scope: { kind: 'partner', partnerId: 'stevenage' } }],
    ['a partner token without a partner counts nothing', partnerWithoutPartner, 'camera-history', { allowed: false, reason: 'role-may-not' }],
    ['the contractor counts what its tickets cover', contractor, 'response-times', { allowed: true, scope: { kind: 'ticketed' } }],
    ['the contractor sees availability of the cameras it had tickets for', contractor, 'camera-availability', { allowed: true, scope: { kind: 'ticketed' } }],
    ['the contractor does not read an owner\'s availability (every camera of the owner)', contractor, 'owner-availability', { allowed: false, reason: 'role-may-not' }],
  ])('%s', (_what, actor, report, expected) => {
    expect(decideFiguresAccess(actor, report)).toEqual(expected);
  });
});
