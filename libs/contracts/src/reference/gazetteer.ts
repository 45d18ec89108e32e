import partnershipJson from './partnership.json';

/** A council of the partnership and the areas (towns) its cameras cover. */
export interface Partner {
  id: string;
  name: string;
  towns: readonly string[];
}

/** The partners, from the partnership's executive pack; their ids are the tenant keys in subjects and rooms. */
export const PARTNERS: readonly Partner[] = partnershipJson.partners.map((p) => ({
  id: p.id,
  name: p.name,
  towns: p.areas,
}));

/** Subject token used when no partner could be determined yet. */
export const UNASSIGNED_PARTNER = 'unassigned';

/** Where a town lies: the owning partner and the gazetteer's own spelling of the town. */
export interface TownLocation {
  partnerId: string;
  town: string;
}

const AREA_SUFFIXES = [' Town Centre', ' Local Neighbourhoods', ' Neighbourhoods'];

/** Place names people actually say ("Hitchin") mapped to the gazetteer area they mean ("Hitchin Town Centre"). */
function buildIndex(): Map<string, TownLocation> {
  const index = new Map<string, TownLocation>();
  for (const partner of PARTNERS) {
    for (const town of partner.towns) {
      index.set(town.toLowerCase(), { partnerId: partner.id, town });
    }
  }
  for (const partner of PARTNERS) {
    for (const town of partner.towns) {
      const suffix = AREA_SUFFIXES.find((s) => town.endsWith(s));
      const place = suffix ? town.slice(0, -suffix.length).toLowerCase() : undefined;
      if (place && !index.has(place)) index.set(place, { partnerId: partner.id, town });
    }
  }
  return index;
}

const TOWN_INDEX = buildIndex();
const TOWN_NAMES_LONGEST_FIRST = [...TOWN_INDEX.keys()].sort((a, b) => b.length - a.length);

/** Resolves an exact town or place name (case-insensitive). */
export function findTown(name: string): TownLocation | undefined {
  return TOWN_INDEX.get(name.trim().toLowerCase());
}

/** Finds the most specific town mentioned in free text ("fight outside Hitchin station" → Hitchin Town Centre). */
export function findTownInText(text: string): TownLocation | undefined {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ')} `;
  const hit = TOWN_NAMES_LONGEST_FIRST.find((name) => lower.includes(` ${name} `));
  return hit ? TOWN_INDEX.get(hit) : undefined;
}

/** The partner owning a partner id, if it is one of ours. */
export function findPartner(partnerId: string): Partner | undefined {
  return PARTNERS.find((p) => p.id === partnerId);
}
