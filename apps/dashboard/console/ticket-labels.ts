import type { CameraStatus, FaultSymptom, TicketStatus } from '@vigil/contracts';

/** Every symptom of the contract with its label, in the order; a symptom added there fails to compile here until labelled. */
export const SYMPTOM_LABELS: Record<FaultSymptom, string> = {
  'no-video': 'No video',
  'no-ptz-control': 'No PTZ control',
  'poor-image': 'Poor image',
  obscured: 'Obscured',
  damaged: 'Damaged',
  power: 'Power',
  network: 'Network',
};

/** The symptoms in the order the report form offers them. */
export const SYMPTOMS = Object.keys(SYMPTOM_LABELS) as FaultSymptom[];

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  reported: 'Reported',
  acknowledged: 'Acknowledged',
  'engineer-on-site': 'Engineer on site',
  fixed: 'Fixed, awaiting verification',
  verified: 'Verified',
  reopened: 'Reopened',
  merged: 'Merged into its site outage',
};

export const CAMERA_STATUS_LABELS: Record<CameraStatus, string> = {
  'in-service': 'In service',
  faulty: 'Faulty',
  'out-of-public-view': 'Out of public view',
  'in-maintenance': 'In maintenance',
  decommissioned: 'Decommissioned',
};

/** Whose camera: the council, or the company's client. */
export function ownerLabel(owner: { partnerId: string | null; clientName: string | null }): string {
  return owner.partnerId ?? owner.clientName ?? '—';
}
