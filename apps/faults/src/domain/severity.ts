import type { FaultSeverity, FaultSymptom } from '@vigil/contracts';

/** Why a symptom has its severity: the contract's words, kept on the ticket for disputes. */
export type SeverityReason =
  | 'loss-of-image'
  | 'loss-of-control'
  | 'no-image-without-power'
  | 'no-image-without-network'
  | 'image-degraded'
  | 'view-obscured'
  | 'damaged-with-image';

/**
 * Luton's code of practice: emergency attendance for loss or severe degradation of image or
 * camera control. A camera without power or network gives no image, so those are losses of image
 * too; a poor, obscured or damaged camera still shows the street and waits for standard attendance.
 */
export const SEVERITY_BY_SYMPTOM: Record<FaultSymptom, { severity: FaultSeverity; reason: SeverityReason }> = {
  'no-video': { severity: 'emergency', reason: 'loss-of-image' },
  'no-ptz-control': { severity: 'emergency', reason: 'loss-of-control' },
  power: { severity: 'emergency', reason: 'no-image-without-power' },
  network: { severity: 'emergency', reason: 'no-image-without-network' },
  'poor-image': { severity: 'standard', reason: 'image-degraded' },
  obscured: { severity: 'standard', reason: 'view-obscured' },
  damaged: { severity: 'standard', reason: 'damaged-with-image' },
};

/** The severity of a symptom, with its named reason. */
export function severityOf(symptom: FaultSymptom): { severity: FaultSeverity; reason: SeverityReason } {
  return SEVERITY_BY_SYMPTOM[symptom];
}

/** The symptom a confirmed health problem stands for. */
export function symptomOfHealthProblem(problem: 'video-loss' | 'tamper' | 'no-heartbeat'): FaultSymptom {
  switch (problem) {
    case 'video-loss':
      return 'no-video';
    case 'tamper':
      return 'obscured';
    case 'no-heartbeat':
      return 'network';
  }
}
