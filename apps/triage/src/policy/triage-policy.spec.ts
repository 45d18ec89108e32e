import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CORRELATION_POLICY } from '../domain/correlation-policy';
import { DEFAULT_GRADE_POLICY } from '../domain/grade-policy';
import { buildGradeAndCorrelation, loadTriagePolicy } from './triage-policy';

describe('triage policy file', () => {
  it('keeps every default a file leaves out', () => {
    expect(buildGradeAndCorrelation({ correlation: { windowMinutes: 45 } }, 'policy.json')).toEqual({
      grading: DEFAULT_GRADE_POLICY,
      correlation: { ...DEFAULT_CORRELATION_POLICY, windowMinutes: 45 },
    });
  });

  it('takes a partnership\'s own grades and table', () => {
    const file = { grades: [{ grade: 1, name: 'Immediate', targetMinutes: 20 }, { grade: 2, name: 'Later', targetMinutes: null }], categoryGrades: { Theft: 2, 'Alarm Activation / Personal Attack': 1 }, defaultGrade: 2 };
    expect(buildGradeAndCorrelation(file, 'policy.json').grading).toEqual({ ...file, immediateGrade: 1 });
  });

  it.each([
    [{ correlation: { windowMinutes: 0 } }, /correlation\.windowMinutes/],
    [{ correlation: { distance: 100 } }, /Unrecognized key/],
    [{ categoryGrades: { Spaceship: 1 } }, /"Spaceship" is not in the taxonomy/],
    [{ categoryGrades: { 'Theft / Robbery': 1 } }, /"Theft \/ Robbery" is not in the taxonomy/],
    [{ grades: [{ grade: 1, name: 'Immediate', targetMinutes: 15 }] }, /grade 2 is used but not defined/],
    [{ grades: [{ grade: 1, name: 'a', targetMinutes: 15 }, { grade: 1, name: 'b', targetMinutes: 15 }], categoryGrades: {}, defaultGrade: 1 }, /a grade is defined twice/],
  ])('refuses %j', (file, problem) => {
    expect(() => buildGradeAndCorrelation(file, 'policy.json')).toThrow(problem);
  });

  it('reads both files once, naming the file that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-policy-'));
    const policyFile = join(dir, 'policy.json');
    const registersFile = join(dir, 'registers.json');
    writeFileSync(policyFile, JSON.stringify({ correlation: { distanceMetres: 250 } }));
    writeFileSync(registersFile, JSON.stringify({ premises: [], cameras: [{ id: 'X-1', town: 'Baldock' }], alarmAccounts: [], radioMembers: [], issis: [], talkgroups: [] }));
    const policy = loadTriagePolicy({ policyFile, registersFile });
    expect(policy.correlation.distanceMetres).toBe(250);
    expect(policy.registers.cameras.get('x-1')).toEqual({ id: 'X-1', town: 'Baldock' });

    writeFileSync(registersFile, '{ not json');
    expect(() => loadTriagePolicy({ registersFile })).toThrow(new RegExp(`^${registersFile}: cannot be read as JSON`));
  });
});
