import { z } from 'zod';

// Postgres `jsonb` and `text` refuse NUL and unpaired UTF-16 surrogates; a call carrying one could never be stored.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string Postgres can store: no NUL character, no unpaired surrogate. */
export function storedText(): z.ZodString {
  return z.string().refine((value) => !UNSTORABLE.test(value), 'contains a NUL character or an unpaired surrogate');
}
