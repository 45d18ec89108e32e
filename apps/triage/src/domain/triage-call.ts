import { CallReceived, CallSource, IncidentPlacement } from '@vigil/contracts';
import type { LocationRegisters } from '../registers/location-registers';
import { NO_REGISTERS } from '../registers/location-registers';
import { classifyCall } from './classify-call';
import { gradeCall } from './grade-call';
import { DEFAULT_GRADE_POLICY, GradePolicy } from './grade-policy';
import { CameraPlaces, NO_CAMERA_PLACES } from './camera-place';
import { GeoPoint, locateCall } from './locate-call';
import { placeKeysOf } from './place-keys';

/** What triage decides about a new call before it is stored. */
export interface IncidentDraft {
  category: string;
  subcategory: string | null;
  placement: IncidentPlacement;
  partnerId: string | null;
  town: string | null;
  clientName: string | null;
  callSource: CallSource;
  grade: number;
  respondBy: Date | null;
  summary: string;
  receivedAt: string;
  /** The places the call is about, for correlation (see {@link placeKeysOf}). */
  placeKeys: string[];
  point: GeoPoint | null;
  /** One named reason per decision, in order: classification, placement, grade. */
  reasons: string[];
}

/** The reference data triage decides with: where sources are, and how the partnership grades. */
export interface TriageReference {
  registers: LocationRegisters;
  grading: GradePolicy;
  /** Faults' camera register as triage's projection holds it now; none when absent. */
  cameras?: CameraPlaces;
}

const DEFAULT_REFERENCE: TriageReference = { registers: NO_REGISTERS, grading: DEFAULT_GRADE_POLICY };

/** Turns a call into an incident draft: category, place and grade, each with its reason. */
export function triageCall(call: CallReceived, reference: TriageReference = DEFAULT_REFERENCE): IncidentDraft {
  const classification = classifyCall(call);
  const placement = locateCall(call, reference.registers, reference.cameras ?? NO_CAMERA_PLACES);
  const grading = gradeCall({ category: classification.category, subcategory: classification.subcategory, call }, reference.grading);
  return {
    category: classification.category,
    subcategory: classification.subcategory,
    placement: placement.placement,
    partnerId: placement.partnerId,
    town: placement.town,
    clientName: placement.clientName,
    callSource: call.source,
    grade: grading.grade,
    respondBy: grading.respondBy,
    summary: call.summary,
    receivedAt: call.receivedAt,
    placeKeys: placeKeysOf(call, placement),
    point: placement.point,
    reasons: [classification.reason, placement.reason, grading.reason],
  };
}
