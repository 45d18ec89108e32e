import { anAlert } from '../../testing/notify-fixtures';
import type { Alert } from './alert';
import { Emergency, emergencyOf } from './emergency';

describe('emergencyOf', () => {
  it.each<[string, Alert, Emergency | null]>([
    ['a firing grade 1 incident', anAlert({ labels: { grade: '1' } }), 'grade-1'],
    ['a TETRA emergency graded 2', anAlert({ tetraEmergency: true, labels: { grade: '2' } }), 'tetra-emergency'],
    ['a grade 2 incident', anAlert({ labels: { grade: '2' } }), null],
    ['a closed grade 1 incident', anAlert({ status: 'resolved', labels: { grade: '1' } }), null],
    ['an emergency-severity fault', anAlert({ labels: { kind: 'fault', grade: undefined, severity: 'emergency' } }), null],
  ])('%s: %s', (_case, alert, emergency) => {
    expect(emergencyOf(alert)).toBe(emergency);
  });
});
