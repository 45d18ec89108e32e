import partnershipJson from './partnership.json';

/** A client of the company outside the partnership, and the areas it pays to have watched (if it has areas). */
export interface Client {
  name: string;
  areas: readonly string[];
}

/** The company's clients, from the partnership's executive pack: never a partner, never on a partner's feed. */
export const CLIENTS: readonly Client[] = partnershipJson.clients_of_the_company.map((client) => ({
  name: client.name,
  areas: 'areas' in client && client.areas ? client.areas : [],
}));

/** Where a client area lies: the client and the pack's own spelling of the area. */
export interface ClientAreaLocation {
  clientName: string;
  town: string;
}

const CLIENT_AREAS = new Map(CLIENTS.flatMap((client) => client.areas.map((area) => [area.toLowerCase(), { clientName: client.name, town: area }] as const)));
const CLIENT_AREAS_LONGEST_FIRST = [...CLIENT_AREAS.keys()].sort((a, b) => b.length - a.length);

/** Resolves a client area by its exact name (case-insensitive). */
export function findClientArea(name: string): ClientAreaLocation | undefined {
  return CLIENT_AREAS.get(name.trim().toLowerCase());
}

/** Finds a client area named in free text ("fight in Hoddesdon high street" → Broxbourne / Hoddesdon). */
export function findClientAreaInText(text: string): ClientAreaLocation | undefined {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ')} `;
  const hit = CLIENT_AREAS_LONGEST_FIRST.find((name) => lower.includes(` ${name} `));
  return hit ? CLIENT_AREAS.get(hit) : undefined;
}

/** The client of that name, if the company has one. */
export function findClient(name: string): Client | undefined {
  return CLIENTS.find((client) => client.name.toLowerCase() === name.trim().toLowerCase());
}
