import { gradeCall, GradeInput } from './grade-call';
import { DEFAULT_GRADE_POLICY, GradePolicy } from './grade-policy';

const RECEIVED = '2026-11-23T22:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(RECEIVED) + minutes * 60_000);

function input(category: string, subcategory: string | null, call: Partial<GradeInput['call']> = {}): GradeInput {
  return { category, subcategory, call: { urgency: 'routine', summary: 'as reported', receivedAt: RECEIVED, ...call } };
}

describe('gradeCall', () => {
  it.each<[string, GradeInput, number, Date | null, string]>([
    ['an emergency, whatever its category', input('Theft', null, { urgency: 'emergency' }), 1, at(15), 'emergency'],
    ['an Airwave emergency status', input('Police Request', null, { urgency: 'emergency', summary: 'EMERGENCY status from ISSI 2260111' }), 1, at(15), 'emergency'],
    ['a personal-attack alarm', input('Alarm Activation', 'Personal Attack', { alarm: alarmOf('personal-attack') }), 1, at(15), 'alarm:personal-attack'],
    ['a hold-up alarm', input('Alarm Activation', 'Personal Attack', { alarm: alarmOf('hold-up') }), 1, at(15), 'alarm:hold-up'],
    ['weapon words in a theft', input('Theft', 'Shoplifting', { summary: 'shoplifter pulled a knife on staff' }), 1, at(15), 'weapon-words'],
    ['weapon words in capitals', input('Other', null, { summary: 'MALE WITH A GUN' }), 1, at(15), 'weapon-words'],
    ['a place name that sounds like a weapon is no weapon', input('Theft', null, { summary: 'theft at the Crossed Guns, Ware' }), 3, at(24 * 60), 'category-grade:Theft'],
    ['a weapon by category', input('Weapon', 'Bat/Bar'), 1, at(15), 'category-grade:Weapon'],
    ['a subcategory listed on its own', input('Alarm Activation', 'Monitored site', { alarm: alarmOf('tamper') }), 3, at(24 * 60), 'category-grade:Alarm Activation / Monitored site'],
    ['an intruder alarm by its category', input('Alarm Activation', 'Intruder Alarm', { alarm: alarmOf('intruder') }), 2, at(60), 'category-grade:Alarm Activation'],
    ['an assault', input('Assault', null), 2, at(60), 'category-grade:Assault'],
    ['a theft', input('Theft', null), 3, at(24 * 60), 'category-grade:Theft'],
    ['a download request: no deployment, no target', input('Post Event Viewing', 'Download for Police'), 4, null, 'category-grade:Post Event Viewing'],
    ['an unlisted category', input('Immigration', null), 3, at(24 * 60), 'default-grade'],
  ])('%s', (_case, given, grade, respondBy, reason) => {
    expect(gradeCall(given)).toEqual({ grade, respondBy, reason });
  });

  it('grades by the policy it is given, target times included', () => {
    const policy: GradePolicy = { ...DEFAULT_GRADE_POLICY, grades: [{ grade: 1, name: 'Immediate', targetMinutes: 10 }, { grade: 5, name: 'Record only', targetMinutes: null }], categoryGrades: { Theft: 5 }, defaultGrade: 5 };
    expect(gradeCall(input('Theft', null), policy)).toEqual({ grade: 5, respondBy: null, reason: 'category-grade:Theft' });
    expect(gradeCall(input('Theft', null, { urgency: 'emergency' }), policy)).toEqual({ grade: 1, respondBy: at(10), reason: 'emergency' });
  });
});

function alarmOf(kind: string): NonNullable<GradeInput['call']['alarm']> {
  return { account: '7001', protocol: 'SIA-DCS', code: 'XX', qualifier: 'new', kind, site: 'Boots', address: 'High Street, Hitchin' };
}
