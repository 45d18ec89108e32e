import type { Principal } from '@vigil/auth';
import type { AlertLabelName } from '../domain/alerts/alert';
import type { Matcher } from '../domain/routing/matcher';

/**
 * Which silences a principal reads. The control room reads them all; a partner only those that
 * pin `partner=<its id>`, the contractor only those that pin `kind=fault`: what a silence holds
 * back from them is theirs to know, others' silences are not. "Pin" means an `equals` matcher:
 * a regex or a not-equals may reach further than the reader's own alerts.
 */
export type SilenceReadScope = { kind: 'all' } | { kind: 'pinned'; label: AlertLabelName; value: string } | { kind: 'none' };

/** The silences `principal` may read. */
export function silenceReadScope(principal: Principal): SilenceReadScope {
  switch (principal.role) {
    case 'police':
    case 'operator':
    case 'supervisor':
      return { kind: 'all' };
    case 'partner':
      return principal.partnerId ? { kind: 'pinned', label: 'partner', value: principal.partnerId } : { kind: 'none' };
    case 'contractor':
      return { kind: 'pinned', label: 'kind', value: 'fault' };
  }
}

/** Whether `principal` reads the silence with these matchers. */
export function maySeeSilence(principal: Principal, matchers: readonly Matcher[]): boolean {
  const scope = silenceReadScope(principal);
  if (scope.kind !== 'pinned') return scope.kind === 'all';
  return matchers.some((matcher) => matcher.label === scope.label && 'equals' in matcher && matcher.equals === scope.value);
}

/** Control-room operators and their supervisor create and expire silences: muting is their call. Police only read. */
export function mayManageSilences(principal: Principal): boolean {
  return principal.role === 'operator' || principal.role === 'supervisor';
}
