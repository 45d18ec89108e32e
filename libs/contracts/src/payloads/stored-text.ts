import { z } from 'zod';

// Postgres `jsonb` and `text` refuse NUL and unpaired UTF-16 surrogates; a call carrying one could never be stored.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** A string Postgres can store: no NUL character, no unpaired surrogate. */
export function storedText(): z.ZodString {
  return z.string().refine((value) => !UNSTORABLE.test(value), 'contains a NUL character or an unpaired surrogate');
}

/**
 * The text with each NUL and unpaired surrogate written as its `\\uXXXX` escape, so Postgres can
 * store it; for text Vigil must keep whatever it holds, such as why a message was refused.
 */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
