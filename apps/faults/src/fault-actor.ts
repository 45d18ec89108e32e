import { Principal } from '@vigil/auth';
import { FaultActor } from './domain/ticket-access';

/** The actor a signed-in principal is to the faults domain (roles map one to one today). */
export function faultActorOf(principal: Principal): FaultActor {
  return { role: principal.role, partnerId: principal.partnerId };
}
