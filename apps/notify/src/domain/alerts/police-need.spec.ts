import { DEFAULT_POLICE_POLICY, PoliceNeed, policeNeed } from './police-need';

describe('policeNeed', () => {
  it.each<[string, { grade: number; category: string }, PoliceNeed]>([
    ['a grade 1 emergency', { grade: 1, category: 'Assault' }, { needed: true, reason: 'attendance-grade' }],
    ['a grade 2 priority', { grade: 2, category: 'Burglary' }, { needed: true, reason: 'attendance-grade' }],
    ['a grade 3 Police Request', { grade: 3, category: 'Police Request' }, { needed: true, reason: 'police-category' }],
    ['a grade 3 theft', { grade: 3, category: 'Theft' }, { needed: false, reason: 'no-police-need' }],
    ['a grade 4 download', { grade: 4, category: 'Post Event Viewing' }, { needed: false, reason: 'no-police-need' }],
  ])('%s', (_case, incident, need) => {
    expect(policeNeed(incident, DEFAULT_POLICE_POLICY)).toEqual(need);
  });
});
