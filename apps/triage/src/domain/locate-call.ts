import { CallReceived, findClientArea, findClientAreaInText, findPartner, findTown, findTownInText, IncidentPlacement } from '@vigil/contracts';
import type { LocationRegisters, Premises } from '../registers/location-registers';
import { NO_REGISTERS } from '../registers/location-registers';
import { CameraPlace, cameraKey, CameraPlaces, NO_CAMERA_PLACES, placeOfFileCamera } from './camera-place';

/** A WGS84 point, as radios and registers give them. */
export type GeoPoint = NonNullable<CallReceived['location']['point']>;

/** Whose call it is (a partner's, a client's, or nobody's yet), where, and how that was found. */
export interface Placement {
  placement: IncidentPlacement;
  partnerId: string | null;
  town: string | null;
  clientName: string | null;
  /** The registered premises the call is about, when a register or the caller's words name one. */
  premisesId: string | null;
  point: GeoPoint | null;
  reason: string;
}

type LocatableCall = Pick<CallReceived, 'location' | 'summary'> & Partial<Pick<CallReceived, 'enteredBy'>>;
type Where = Omit<Placement, 'premisesId' | 'point'>;

const UNPLACED: Where = { placement: 'unplaced', partnerId: null, town: null, clientName: null, reason: 'unplaced' };

/**
 * Places a call, most trustworthy evidence first: a registered camera, alarm account or radio
 * member (they are fixed to a place); the town the source or the operator gave; a town named in
 * the words; the partner the source named; the town whose officers carry the calling radio (they
 * roam, so it comes last). A client's site is the client's, never a partner's, even inside a
 * partner's town. Cameras come from faults' register (`cameras`, triage's projection of it) before
 * the registers file, which only knows cameras faults does not.
 */
export function locateCall(call: LocatableCall, registers: LocationRegisters = NO_REGISTERS, cameras: CameraPlaces = NO_CAMERA_PLACES): Placement {
  const { location } = call;
  const camera = location.cameraId ? registeredCamera(location.cameraId, cameras, registers) : undefined;
  const premises = registeredPremises(location, registers);
  const where =
    (camera && cameraPlacement(camera)) ||
    (premises && inTown(premises.premises.town, premises.premises.client, premises.reason)) ||
    (location.town && inTown(location.town, undefined, call.enteredBy ? 'operator-choice' : 'source-town')) ||
    inTextTown(call.summary) ||
    (location.partnerId && findPartner(location.partnerId) ? { ...UNPLACED, placement: 'partner' as const, partnerId: location.partnerId, reason: 'source-partner' } : undefined) ||
    (location.issi !== undefined && registeredTown(registers.issis.get(location.issi), `issi:${location.issi}`)) ||
    (location.talkgroup !== undefined && registeredTown(registers.talkgroups.get(location.talkgroup), `talkgroup:${location.talkgroup}`)) ||
    UNPLACED;
  const named = premises?.premises ?? premisesInText(call.summary, where.town, registers);
  return { ...where, premisesId: named?.id ?? null, point: location.point ?? named?.point ?? camera?.point ?? null };
}

/**
 * The camera's place: faults' register wins over the registers file, which may be older. Whatever
 * the camera's status: a decommissioned, faulty or withdrawn camera still tells where the operator
 * or gateway was looking when they called it in (a camera taken down last week still names its
 * street in a caller's words or an old radio script); status decides what the public sees, not where.
 */
function registeredCamera(cameraId: string, cameras: CameraPlaces, registers: LocationRegisters): CameraPlace | undefined {
  const key = cameraKey(cameraId);
  const fromFile = registers.cameras.get(key);
  return cameras.get(key) ?? (fromFile && placeOfFileCamera(fromFile));
}

/** A camera's town in the gazetteer; else its owner alone (faults' register may name a town the gazetteer does not). */
function cameraPlacement(camera: CameraPlace): Where | undefined {
  const reason = `camera:${camera.cameraId}`;
  const inGazetteer = inTown(camera.town, camera.clientName ?? undefined, reason);
  if (inGazetteer) return inGazetteer;
  if (camera.clientName) return { placement: 'client', partnerId: null, town: null, clientName: camera.clientName, reason };
  if (camera.partnerId && findPartner(camera.partnerId)) return { placement: 'partner', partnerId: camera.partnerId, town: null, clientName: null, reason };
  return undefined;
}

function registeredPremises(location: CallReceived['location'], registers: LocationRegisters): { premises: Premises; reason: string } | undefined {
  const byAccount = location.alarmAccount ? registers.alarmAccounts.get(location.alarmAccount.toUpperCase()) : undefined;
  if (byAccount) return { premises: registers.premises.get(byAccount)!, reason: `alarm-account:${location.alarmAccount}` };
  const byMember = location.radioMember ? registers.radioMembers.get(location.radioMember.toUpperCase()) : undefined;
  if (byMember) return { premises: registers.premises.get(byMember)!, reason: `radio-member:${location.radioMember}` };
  return undefined;
}

/** A gazetteer town (a partner's area or a client's) as a placement; a named client wins over the town's partner. */
function inTown(name: string, client: string | undefined, reason: string): Where | undefined {
  const partnerTown = findTown(name);
  const clientArea = findClientArea(name);
  const town = partnerTown?.town ?? clientArea?.town;
  if (!town) return undefined;
  const clientName = client ?? clientArea?.clientName;
  if (clientName) return { placement: 'client', partnerId: null, town, clientName, reason };
  return { placement: 'partner', partnerId: partnerTown!.partnerId, town, clientName: null, reason };
}

function inTextTown(text: string): Where | undefined {
  const partnerTown = findTownInText(text);
  if (partnerTown) return { placement: 'partner', partnerId: partnerTown.partnerId, town: partnerTown.town, clientName: null, reason: 'town-in-text' };
  const clientArea = findClientAreaInText(text);
  if (clientArea) return { placement: 'client', partnerId: null, town: clientArea.town, clientName: clientArea.clientName, reason: 'client-area-in-text' };
  return undefined;
}

function registeredTown(town: string | undefined, reason: string): Where | undefined {
  return town ? inTown(town, undefined, reason) : undefined;
}

/** A registered premises of the call's town named in its words: "Boots" means the Boots of the town the call is in. */
function premisesInText(text: string, town: string | null, registers: LocationRegisters): Premises | undefined {
  if (!town) return undefined;
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ')} `;
  const mentions = (name: string) => words.includes(` ${name.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').trim()} `);
  return [...registers.premises.values()].find((premises) => premises.town === town && [premises.name, ...premises.aliases].some(mentions));
}
