/** The roles a Vigil token carries (see libs/auth). */
export type ConsoleRole = 'police' | 'operator' | 'supervisor' | 'partner' | 'contractor';

/** What the console offers a role; triage checks each request again (404 for what a role may not see, 403 for what it may not do). */
export interface Abilities {
  seesIncidents: boolean;
  /** Acknowledge, assign, re-grade, close …: the control-room operators' commands. */
  acts: boolean;
  /** Notes: operators, police, and partners on their own area's incidents. */
  addsNotes: boolean;
  /** The force's own incident number: operators and police. */
  recordsPoliceReference: boolean;
  /** Sources and refused messages. */
  seesMachinery: boolean;
  /** A partner sees one partner only, so filtering by partner means nothing. */
  filtersByPartner: boolean;
  /** The contractor's open tickets beside the incident board: the control room watches them. */
  seesFaultBoard: boolean;
  /** A camera fault from an incident's pane (faults lets the control room and police report). */
  reportsFaults: boolean;
  /** Who was notified of an incident, the silences and the routing rules (read): the control room and police. */
  seesNotifications: boolean;
  /** Create and expire silences: the control room's operators and supervisor. (Whether one may acknowledge an alert, notify's answer says.) */
  managesAlerts: boolean;
  /** Change the routing rules: the supervisor alone (notify's mayChangeRouting), since a bad edit silences the police. */
  editsRouting: boolean;
}

/**
 * Operators work incidents; police see every incident and add notes and their reference; a partner
 * reads its own area and adds notes; the contractor sees no incident. The same split as triage's
 * COMMANDS_BY_ROLE, so the console offers nothing the server would refuse.
 */
export function abilitiesOf(role: ConsoleRole | undefined): Abilities {
  switch (role) {
    // The supervisor works incidents as operators do, and alone changes the routing rules.
    case 'operator':
    case 'supervisor':
      return { seesIncidents: true, acts: true, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: true, reportsFaults: true, seesNotifications: true, managesAlerts: true, editsRouting: role === 'supervisor' };
    case 'police':
      return { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: true, seesMachinery: true, filtersByPartner: true, seesFaultBoard: false, reportsFaults: true, seesNotifications: true, managesAlerts: false, editsRouting: false };
    case 'partner':
      return { seesIncidents: true, acts: false, addsNotes: true, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false, seesNotifications: false, managesAlerts: false, editsRouting: false };
    default:
      return { seesIncidents: false, acts: false, addsNotes: false, recordsPoliceReference: false, seesMachinery: false, filtersByPartner: false, seesFaultBoard: false, reportsFaults: false, seesNotifications: false, managesAlerts: false, editsRouting: false };
  }
}
