import { FiguresScope } from '../domain/figures/figures-access';

/**
 * The scope as two SQL parameters, so each report's statement stays one fixed text: `kind` and
 * the partner (null unless a partner asks). Conditions below read them as `$kind` and `$partner`
 * at the positions the caller puts them.
 */
export function scopeParams(scope: FiguresScope): [string, string | null] {
  return [scope.kind, scope.kind === 'partner' ? scope.partnerId : null];
}

/**
 * Tickets within the scope (every ticket is the contractor's, so only a partner is narrowed). A
 * ticket merged into an outage's is not a fault of its own: its camera counts on the outage's ticket.
 */
export const ticketInScope = (t: string, kind: string, partner: string) => `(${kind} <> 'partner' OR ${t}."partner_id" = ${partner}) AND ${t}."status" <> 'merged'`;

/** Cameras within the scope: a partner's own; for the contractor, those a ticket ever covered. */
export const cameraInScope = (c: string, kind: string, partner: string) =>
  `(${kind} <> 'partner' OR ${c}."partner_id" = ${partner})
   AND (${kind} <> 'ticketed' OR EXISTS (SELECT 1 FROM "faults"."fault" covered WHERE covered."camera_id" = ${c}."camera_id"))`;

/** A camera's or ticket's owner as the figures name it: the partner id, else the client's name. */
export const ownerOf = (alias: string) => `COALESCE(${alias}."partner_id", ${alias}."client_name")`;
