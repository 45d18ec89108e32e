/** The roles a Vigil token carries (see libs/auth). */
export type ConsoleRole = 'police' | 'operator' | 'partner' | 'contractor';

/** What the console offers a role; the server checks each request again. */
export interface Abilities {
  seesIncidents: boolean;
  /** Acknowledge, assign, re-grade, close …: the control room's commands. */
  acts: boolean;
  /** Partners may add notes to their own incidents. */
  addsNotes: boolean;
  /** Sources and refused messages. */
  seesMachinery: boolean;
  /** A partner sees one partner only, so filtering by partner means nothing. */
  filtersByPartner: boolean;
}

/** Police and operators see and act on everything; a partner reads its own area and adds notes; the contractor sees no incident. */
export function abilitiesOf(role: ConsoleRole | undefined): Abilities {
  switch (role) {
    case 'police':
    case 'operator':
      return { seesIncidents: true, acts: true, addsNotes: true, seesMachinery: true, filtersByPartner: true };
    case 'partner':
      return { seesIncidents: true, acts: false, addsNotes: true, seesMachinery: false, filtersByPartner: false };
    default:
      return { seesIncidents: false, acts: false, addsNotes: false, seesMachinery: false, filtersByPartner: false };
  }
}
