import { findPartner, findTown, IncidentChange, IncidentOutcome, IncidentPlacement, isKnownCategory, Monitoring, Thrive } from '@vigil/contracts';
import { DEFAULT_GRADE_POLICY, GradePolicy, respondByFor } from '../../domain/grade-policy';
import { IncidentStatus } from './incident-state-machine';
import { LIFECYCLE_COMMANDS, SingleIncidentCommand } from './lifecycle-command';

/** The part of an incident the commands read and write. */
export interface IncidentRecord {
  status: IncidentStatus;
  grade: number;
  /** When the first call came: a grade's target time counts from it. */
  receivedAt: Date;
  respondBy: Date | null;
  category: string;
  subcategory: string | null;
  partnerId: string | null;
  town: string | null;
  placement: IncidentPlacement;
  clientName: string | null;
  assignee: string | null;
  policeReference: string | null;
  cameras: string[];
  thrive: Thrive | null;
  monitoring: Monitoring[];
  outcome: IncidentOutcome | null;
  closedAt: Date | null;
}

/** The fields a command changes. */
export type IncidentPatch = Partial<IncidentRecord>;

/** Why a command's content is refused, after the state machine let it through. */
export type CommandRefusal = 'unchanged' | 'unknown-category' | 'unknown-partner' | 'town-outside-partner' | 'partner-and-client';

/** What the timeline keeps of a change (stored as JSON). */
export type ChangeDetail = Record<string, string | number | boolean | null | object>;

/** A change to record: the new fields, the change kind, its reason and what the timeline keeps of it. */
export interface AppliedChange {
  ok: true;
  change: IncidentChange;
  patch: IncidentPatch;
  reason: string | null;
  detail: ChangeDetail;
}

/** What a command does to an incident, or why it does nothing. */
export type ApplyResult = AppliedChange | { ok: false; reason: CommandRefusal; message: string };

const refuse = (reason: CommandRefusal, message: string): ApplyResult => ({ ok: false, reason, message });

/**
 * What a command changes on an incident whose state already allows it (see decideTransition):
 * `status` is the state machine's answer. A command that would change nothing is refused as
 * `unchanged`, so the timeline holds only real changes.
 */
export function applyCommand(
  record: IncidentRecord,
  command: SingleIncidentCommand,
  status: IncidentStatus,
  actor: string,
  now: Date,
  grades: GradePolicy = DEFAULT_GRADE_POLICY,
): ApplyResult {
  const change = LIFECYCLE_COMMANDS[command.name].change;
  const changed = (patch: IncidentPatch, detail: ChangeDetail = {}, reason: string | null = null): ApplyResult => ({
    ok: true,
    change,
    patch: status === record.status ? patch : { status, ...patch },
    reason,
    detail,
  });
  switch (command.name) {
    case 'acknowledge':
    case 'start':
      return changed({});
    case 'assign': {
      const { assignee } = command.body;
      if (assignee === record.assignee) return refuse('unchanged', `already assigned to ${assignee ?? 'nobody'}`);
      return changed({ assignee }, { assignee, previous: record.assignee });
    }
    case 'regrade': {
      const { grade, reason } = command.body;
      if (grade === record.grade) return refuse('unchanged', `already grade ${grade}`);
      // The new grade's target counts from the first call, as it would had the call been graded so.
      return changed({ grade, respondBy: respondByFor(grade, record.receivedAt, grades) }, { grade, previous: record.grade }, reason);
    }
    case 'reclassify': {
      const { category, subcategory, reason } = command.body;
      if (!isKnownCategory(category, subcategory)) return refuse('unknown-category', `"${category}${subcategory ? ` / ${subcategory}` : ''}" is not in the partnership's taxonomy`);
      if (category === record.category && subcategory === record.subcategory) return refuse('unchanged', 'already in that category');
      return changed({ category, subcategory }, { category, subcategory, previous: { category: record.category, subcategory: record.subcategory } }, reason);
    }
    case 'locate':
      return locate(record, command.body, changed);
    case 'notes':
      return changed({}, { text: command.body.text });
    case 'thrive': {
      const { version: _version, ...thrive } = command.body;
      return changed({ thrive }, { thrive });
    }
    case 'cameras': {
      const cameras = [...new Set(command.body.cameras)];
      if (sameList(cameras, record.cameras)) return refuse('unchanged', 'those are the cameras already recorded');
      return changed({ cameras }, { cameras, previous: record.cameras });
    }
    case 'police-reference': {
      const { policeReference } = command.body;
      if (policeReference === record.policeReference) return refuse('unchanged', `police reference already ${policeReference}`);
      return changed({ policeReference }, { policeReference, previous: record.policeReference });
    }
    case 'monitoring': {
      const entry: Monitoring = { subject: command.body.subject, reason: command.body.reason, by: actor, at: now.toISOString() };
      return changed({ monitoring: [...record.monitoring, entry] }, { subject: entry.subject }, entry.reason);
    }
    case 'close': {
      const { outcome } = command.body;
      return changed({ outcome, closedAt: now }, { outcome });
    }
    case 'reopen':
      // The earlier outcome stays on the timeline; the incident is live again until its next close.
      return changed({ outcome: null, closedAt: null }, { previousOutcome: record.outcome }, command.body.reason);
  }
}

type Locate = Extract<SingleIncidentCommand, { name: 'locate' }>['body'];

function locate(record: IncidentRecord, body: Locate, changed: (patch: IncidentPatch, detail: ChangeDetail, reason: string) => ApplyResult): ApplyResult {
  const { partnerId, clientName, reason } = body;
  let town = body.town;
  if (partnerId && clientName) return refuse('partner-and-client', 'an incident is a partner\'s or a client\'s, not both');
  if (partnerId) {
    if (!findPartner(partnerId)) return refuse('unknown-partner', `"${partnerId}" is not a partner`);
    if (town) {
      const found = findTown(town);
      if (found?.partnerId !== partnerId) return refuse('town-outside-partner', `"${town}" is not in ${partnerId}'s area`);
      town = found.town;
    }
  }
  const placement: IncidentPlacement = partnerId ? 'partner' : clientName ? 'client' : 'unplaced';
  if (partnerId === record.partnerId && town === record.town && clientName === record.clientName && placement === record.placement) {
    return refuse('unchanged', 'already placed there');
  }
  // Not the earlier client's name: a partner reading its timeline must not learn whose it was.
  const previous = { placement: record.placement, partnerId: record.partnerId, town: record.town };
  return changed({ placement, partnerId, town, clientName }, { placement, partnerId, town, clientName, previous }, reason);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
