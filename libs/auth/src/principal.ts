/** Who is asking. Police and operators see everything; a partner sees its own area; the contractor sees faults only. */
export type Role = 'police' | 'operator' | 'partner' | 'contractor';

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
      return true;
    case 'partner':
      return incidentPartnerId !== null && incidentPartnerId === principal.partnerId;
    case 'contractor':
      return false;
  }
}

/** Police and control-room operators: the people who may see the machinery (dead letters, sources, registers). */
export function isControlRoomStaff(principal: Principal): boolean {
  return principal.role === 'police' || principal.role === 'operator';
}
