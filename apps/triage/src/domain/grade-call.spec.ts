import { DEFAULT_GRADE, gradeCall } from './grade-call';

describe('gradeCall', () => {
  it.each([
    ['Theft', 'emergency', 1, 'emergency'],
    ['Weapon', 'routine', 1, 'category-grade:Weapon'],
    ['Assault', 'routine', 2, 'category-grade:Assault'],
    ['Theft', 'routine', 3, 'category-grade:Theft'],
    ['Other', 'routine', DEFAULT_GRADE, 'default-grade'],
  ] as const)('%s, %s → grade %d (%s)', (category, urgency, grade, reason) => {
    expect(gradeCall(category, urgency)).toEqual({ grade, reason });
  });

  it('uses the grade table it is given', () => {
    expect(gradeCall('Theft', 'routine', { Theft: 4 })).toEqual({ grade: 4, reason: 'category-grade:Theft' });
  });
});
