import { PLACE_NAMES } from '@vigil/contracts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Letters or digits on either side mean the name is part of a longer word ("Ware" in "software").
const PLACE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PLACE_NAMES.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

// A street is one or two capitalised words before its type ("Bar Lane", "Fire Station Road"); a
// capital is the only sign it is a name, so lower-case words ("a bar") stay evidence.
const STREET = /\b(?:[A-Z][A-Za-z']*\s+){1,2}(?:Road|Street|Lane|Avenue|Way|Close|Drive|Hill|Walk|Row|Place|Square|Parade|Gardens|Crescent|Terrace|Grove)\b/g;

/**
 * The text with every known place name and street name blanked out, so that "Potters Bar" or
 * "the Bat and Ball" is not read as a weapon. What remains is what the caller said happened.
 */
export function stripPlaceNames(text: string): string {
  return text.replace(STREET, ' ').replace(PLACE, ' ');
}
