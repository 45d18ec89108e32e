import { z } from 'zod';
import { findClient, findClientArea, findTown, geoPointSchema } from '@vigil/contracts';

/**
 * The registers that say where a call's source is: premises (a shop, a pub, a school), cameras,
 * alarm accounts, Town Link / Pub Link members, and the ISSIs and talkgroups of each town's
 * officers. A town is a gazetteer name (a partner's area, or a client's area); a premises of a
 * client without areas (a school) names its client. One file per deployment; see
 * `VIGIL_TRIAGE_REGISTERS_FILE`.
 */
export const locationRegistersSchema = z
  .object({
    premises: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        /** Other names callers use for it ("Boots the Chemist"). */
        aliases: z.array(z.string().min(1)).default([]),
        town: z.string().min(1),
        /** The company's client whose site this is, when it is not the town's partner. */
        client: z.string().min(1).optional(),
        point: geoPointSchema.optional(),
      }),
    ),
    /**
     * Cameras faults' register does not hold: triage places calls by faults' register first (its
     * camera places projection), and by these only for cameras it does not know there.
     */
    cameras: z.array(z.object({ id: z.string().min(1), town: z.string().min(1), client: z.string().min(1).optional(), point: geoPointSchema.optional() })),
    alarmAccounts: z.array(z.object({ account: z.string().min(1), premisesId: z.string().min(1) })),
    radioMembers: z.array(z.object({ memberId: z.string().min(1), premisesId: z.string().min(1) })),
    issis: z.array(z.object({ issi: z.number().int().min(0).max(0xffffff), town: z.string().min(1) })),
    talkgroups: z.array(z.object({ gssi: z.number().int().min(0).max(0xffffff), town: z.string().min(1) })),
  })
  .strict();
/** The registers as written in a file. */
export type LocationRegistersFile = z.input<typeof locationRegistersSchema>;
/** The registers once parsed. */
export type LocationRegisterData = z.output<typeof locationRegistersSchema>;
/** A premises of the register. */
export type Premises = LocationRegisterData['premises'][number];
/** A camera of the register. */
export type RegisteredCamera = LocationRegisterData['cameras'][number];

/** The registers indexed for look-up, as locate and correlate read them. */
export interface LocationRegisters {
  premises: ReadonlyMap<string, Premises>;
  cameras: ReadonlyMap<string, RegisteredCamera>;
  alarmAccounts: ReadonlyMap<string, string>;
  radioMembers: ReadonlyMap<string, string>;
  issis: ReadonlyMap<number, string>;
  talkgroups: ReadonlyMap<number, string>;
}

/** An empty register: every call is placed by its own words and hints. */
export const NO_REGISTERS: LocationRegisters = indexRegisters({ premises: [], cameras: [], alarmAccounts: [], radioMembers: [], issis: [], talkgroups: [] });

/**
 * Checks and indexes registers. Throws, naming every problem, on an unknown town or client or
 * a dangling premises id, so a bad file stops start-up rather than misplacing calls at night.
 */
export function buildLocationRegisters(input: unknown, origin = 'location registers'): LocationRegisters {
  const parsed = locationRegistersSchema.safeParse(input);
  if (!parsed.success) throw new Error(`${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const problems = registerProblems(parsed.data);
  if (problems.length > 0) throw new Error(`${origin}: ${problems.join('; ')}`);
  return indexRegisters(parsed.data);
}

function registerProblems(data: LocationRegisterData): string[] {
  const knownTown = (town: string) => Boolean(findTown(town) ?? findClientArea(town));
  const premisesIds = new Set(data.premises.map((p) => p.id));
  return [
    ...[...data.premises, ...data.cameras, ...data.issis, ...data.talkgroups]
      .filter((entry) => !knownTown(entry.town))
      .map((entry) => `unknown town "${entry.town}"`),
    ...[...data.premises, ...data.cameras].filter((entry) => entry.client && !findClient(entry.client)).map((entry) => `unknown client "${entry.client}"`),
    ...[...data.alarmAccounts, ...data.radioMembers].filter((entry) => !premisesIds.has(entry.premisesId)).map((entry) => `unknown premises "${entry.premisesId}"`),
  ];
}

function indexRegisters(data: LocationRegisterData): LocationRegisters {
  return {
    premises: new Map(data.premises.map((p) => [p.id, p])),
    cameras: new Map(data.cameras.map((c) => [c.id.toLowerCase(), c])),
    alarmAccounts: new Map(data.alarmAccounts.map((a) => [a.account.toUpperCase(), a.premisesId])),
    radioMembers: new Map(data.radioMembers.map((m) => [m.memberId.toUpperCase(), m.premisesId])),
    issis: new Map(data.issis.map((i) => [i.issi, i.town])),
    talkgroups: new Map(data.talkgroups.map((t) => [t.gssi, t.town])),
  };
}
