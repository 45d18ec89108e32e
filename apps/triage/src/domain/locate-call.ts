import { CallReceived, findPartner, findTown, findTownInText } from '@vigil/contracts';

/** The partner and town a call belongs to, and how that was found. */
export interface Placement {
  partnerId: string | null;
  town: string | null;
  reason: string;
}

/** Places a call: the source's own town, then the partner it named, then a town named in its words. */
export function locateCall(call: Pick<CallReceived, 'location' | 'summary'>): Placement {
  const { town, partnerId } = call.location;
  if (town) {
    const found = findTown(town);
    if (found) return { partnerId: found.partnerId, town: found.town, reason: 'source-town' };
  }
  if (partnerId && findPartner(partnerId)) return { partnerId, town: null, reason: 'source-partner' };
  const mentioned = findTownInText(call.summary);
  if (mentioned) return { partnerId: mentioned.partnerId, town: mentioned.town, reason: 'town-in-text' };
  return { partnerId: null, town: null, reason: 'unplaced' };
}
