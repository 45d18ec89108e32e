/**
 * Who is asking. Police, operators and the control-room supervisor see everything; a partner sees
 * its own area; the contractor sees faults only. The supervisor also owns the control room's
 * settings (notify's routing rules today).
 */
export type Role = 'police' | 'operator' | 'supervisor' | 'partner' | 'contractor';

/** Every role a token may carry. */
export const ROLES: readonly Role[] = ['police', 'operator', 'supervisor', 'partner', 'contractor'];

/** An authenticated user or system. */
export interface Principal {
  /** Login or system name, recorded on every change it makes. */
  subject: string;
  role: Role;
  /** Set for role `partner`: the partner whose incidents it may see. */
  partnerId?: string;
}

/** Whether a principal may see an incident of a partner (null: not yet assigned to one). */
export function canSeeIncident(principal: Principal, incidentPartnerId: string | null): boolean {
  switch (principal.role) {
    case 'police':
    case 'operator':
    case 'supervisor':
      return true;
    case 'partner':
      return incidentPartnerId !== null && incidentPartnerId === principal.partnerId;
    case 'contractor':
      return false;
  }
}

/** Police, control-room operators and their supervisor: the people who may see the machinery (dead letters, sources, registers). */
export function isControlRoomStaff(principal: Principal): boolean {
  return principal.role === 'police' || principal.role === 'operator' || principal.role === 'supervisor';
}
