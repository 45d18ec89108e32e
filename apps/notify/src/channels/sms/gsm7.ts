/** GSM 03.38's basic characters: one septet each. */
const BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
/** Its extension characters: an escape and a septet, so two each. */
const EXTENSION = new Set('^{}\\[~]|€');

/** Typography that phones and keyboards put into summaries, as GSM-7 has it. */
const LOOKALIKES: Array<[RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―]/g, '-'],
  [/…/g, '...'],
  [/\s+/g, ' '],
];

/**
 * Free text as GSM-7, so the message stays one 160-character segment: a single character outside
 * it (a curly quote, an emoji) would make the whole SMS UCS-2, 70 characters a segment. Quotes and
 * dashes become their plain forms, accents the gateway cannot send are dropped, anything else is `?`.
 */
export function toGsm7(text: string): string {
  const plain = LOOKALIKES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
  return [...plain]
    .map((character) => {
      if (BASIC.has(character) || EXTENSION.has(character)) return character;
      const unaccented = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return [...unaccented].every((part) => BASIC.has(part)) && unaccented !== '' ? unaccented : '?';
    })
    .join('');
}

/** Septets the text takes in GSM-7: extension characters count twice. */
export function gsm7Length(text: string): number {
  return [...text].reduce((length, character) => length + (EXTENSION.has(character) ? 2 : 1), 0);
}

/** The longest start of `text` that fits `septets`, ending in `...` when cut; '' when not even that fits. */
export function truncateGsm7(text: string, septets: number): string {
  if (gsm7Length(text) <= septets) return text;
  const room = septets - 3;
  if (room < 1) return '';
  let cut = '';
  for (const character of text) {
    if (gsm7Length(cut + character) > room) break;
    cut += character;
  }
  return `${cut.trimEnd()}...`;
}
