import { FAULT_SYMPTOMS, FaultSeverity, FaultSymptom } from '@vigil/contracts';
import { severityOf, SeverityReason, symptomOfHealthProblem } from './severity';

describe('severityOf', () => {
  it.each<[FaultSymptom, FaultSeverity, SeverityReason]>([
    ['no-video', 'emergency', 'loss-of-image'],
    ['no-ptz-control', 'emergency', 'loss-of-control'],
    ['power', 'emergency', 'no-image-without-power'],
    ['network', 'emergency', 'no-image-without-network'],
    ['poor-image', 'standard', 'image-degraded'],
    ['obscured', 'standard', 'view-obscured'],
    ['damaged', 'standard', 'damaged-with-image'],
  ])('%s → %s (%s)', (symptom, severity, reason) => {
    expect(severityOf(symptom)).toEqual({ severity, reason });
  });

  it('has a row for every symptom in the contracts', () => {
    for (const symptom of FAULT_SYMPTOMS) expect(severityOf(symptom)).toBeDefined();
  });

  it.each([
    ['video-loss', 'no-video'],
    ['tamper', 'obscured'],
    ['no-heartbeat', 'network'],
  ] as const)('a confirmed %s is reported as %s', (problem, symptom) => {
    expect(symptomOfHealthProblem(problem)).toBe(symptom);
  });
});
