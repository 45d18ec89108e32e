import namedPlacesJson from './named-places.json';
import partnershipJson from './partnership.json';
import { PARTNERS } from './gazetteer';

const AREA_SUFFIXES = /\s+(Town Centre|Local Neighbourhoods|Neighbourhoods)$/;

/** The partners' areas with their spoken short names ("Hitchin Town Centre", "Hitchin"). */
function areaNames(): string[] {
  const areas = PARTNERS.flatMap((partner) => partner.towns);
  return [...areas, ...areas.filter((area) => AREA_SUFFIXES.test(area)).map((area) => area.replace(AREA_SUFFIXES, ''))];
}

/** Areas the partnership's documents name outside the partners: the company's clients and the coverage list. */
function otherAreaNames(): string[] {
  const clients = partnershipJson.clients_of_the_company.flatMap((client): string[] => ('areas' in client && client.areas ? client.areas : []));
  const named = partnershipJson.other_areas_named.map((entry) => entry.replace(/\s*\(.*\)$/, ''));
  return [...clients, ...named];
}

/**
 * Every place name of the reference data (areas, towns, pubs, landmarks), longest first so that
 * "Stevenage Old Town" is matched before "Stevenage". A place name is never evidence of what happened.
 */
export const PLACE_NAMES: readonly string[] = [
  ...new Set([...areaNames(), ...otherAreaNames(), ...namedPlacesJson.pubs, ...namedPlacesJson.landmarks]),
].sort((a, b) => b.length - a.length);

/** Pubs and landmarks callers name (not towns), longest first: "the Red Lion" is a place within a town. */
export const NAMED_PLACES: readonly string[] = [...new Set([...namedPlacesJson.pubs, ...namedPlacesJson.landmarks])].sort((a, b) => b.length - a.length);
