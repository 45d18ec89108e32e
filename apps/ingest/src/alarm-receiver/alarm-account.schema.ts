import { z } from 'zod';
import { findPartner } from '@vigil/contracts';
import { parseAccountKey } from '../alarms';

const names = z.record(z.string().regex(/^\d{1,4}$/, 'zone and user numbers are 1-4 digits'), z.string().min(1).max(100));

/** An alarm account as an operator registers it; the key is written as the installer gives it (see README). */
export const alarmAccountInputSchema = z
  .object({
    partnerId: z.string().refine((id) => findPartner(id) !== undefined, 'not a partner of the partnership'),
    site: z.string().trim().min(1).max(200),
    address: z.string().trim().min(1).max(300),
    zones: names.default({}),
    users: names.default({}),
    /** `hex:…`, `ascii:…`, or bare (32/48/64 hex digits read as hex, 16/24/32 characters as ASCII); null for plain panels. */
    key: z.string().nullable().default(null),
    testIntervalSeconds: z.number().int().min(2).max(7 * 24 * 3600).nullable().default(null),
  })
  .strict()
  .transform((input, context) => {
    if (input.key === null) return { ...input, keyHex: null };
    try {
      return { ...input, keyHex: parseAccountKey(input.key).toString('hex') };
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['key'], message: (error as Error).message });
      return z.NEVER;
    }
  });
/** A validated alarm account. */
export type AlarmAccountInput = z.infer<typeof alarmAccountInputSchema>;

/** DC-09 account numbers: 3 to 16 hex digits. */
export const ACCOUNT_PATTERN = /^[0-9A-Fa-f]{3,16}$/;
