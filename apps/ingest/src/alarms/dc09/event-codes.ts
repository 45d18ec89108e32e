import codes from '../../../../../libs/contracts/src/reference/alarm-event-codes.json';

/** One SIA DC-03 event code as the reference table states it. */
export interface SiaCodeEntry {
  type: string;
  description: string;
  /** What the number after the code means: "Zone or point", "User number", "Area number", ... */
  concerns: string;
}

/** One Contact ID event code as the reference table states it. */
export interface ContactIdEntry {
  description: string | null;
  /** Whether the CCC field carries a zone or a user number. */
  ccc_field: 'zone' | 'user' | null;
}

const sia = codes.sia_dc03 as Record<string, SiaCodeEntry>;
const contactId = codes.contact_id.events as Record<string, ContactIdEntry>;

/** The SIA DC-03 table entry for a two-letter code, if the code is known. */
export function siaCode(code: string): SiaCodeEntry | undefined {
  return Object.hasOwn(sia, code) ? sia[code] : undefined;
}

/** The Contact ID table entry for a three-digit event code, if the code is known. */
export function contactIdEvent(code: string): ContactIdEntry | undefined {
  return Object.hasOwn(contactId, code) ? contactId[code] : undefined;
}
