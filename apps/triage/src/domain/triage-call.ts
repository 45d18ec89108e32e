import { CallReceived, CallSource } from '@vigil/contracts';
import { classifyCall } from './classify-call';
import { gradeCall } from './grade-call';
import { locateCall } from './locate-call';

/** What triage decides about a new call before it is stored. */
export interface IncidentDraft {
  category: string;
  subcategory: string | null;
  partnerId: string | null;
  town: string | null;
  callSource: CallSource;
  grade: number;
  summary: string;
  receivedAt: string;
  /** One named reason per decision, in order: classification, placement, grade. */
  reasons: string[];
}

/** Turns a call into an incident draft: category, place and grade, each with its reason. */
export function triageCall(call: CallReceived): IncidentDraft {
  const classification = classifyCall(call);
  const placement = locateCall(call);
  const grading = gradeCall(classification.category, call.urgency);
  return {
    category: classification.category,
    subcategory: classification.subcategory,
    partnerId: placement.partnerId,
    town: placement.town,
    callSource: call.source,
    grade: grading.grade,
    summary: call.summary,
    receivedAt: call.receivedAt,
    reasons: [classification.reason, placement.reason, grading.reason],
  };
}
