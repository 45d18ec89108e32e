import { classifyCall } from './classify-call';

describe('classifyCall', () => {
  it.each([
    ['fight outside the Red Lion, two males', undefined, 'Assault', null, 'keyword'],
    ['male with a knife on Queensway', undefined, 'Weapon', 'Knife', 'keyword'],
    ['shoplifter left Boots heading north', undefined, 'Theft', 'Shoplifting', 'keyword'],
    ['drunk male shouting at passers by', undefined, 'Anti Social Behaviour', 'Drunken Behaviour', 'keyword'],
    ['two car collision at the roundabout', undefined, 'Traffic Incident', 'RTC', 'keyword'],
    ['missing child last seen by the bandstand', undefined, 'Concern for Welfare', 'Missing Persons', 'keyword'],
    ['please check camera 12', undefined, 'Other', null, 'no-match'],
    ['anything', { category: 'Alarm Activation', subcategory: 'Intruder Alarm' }, 'Alarm Activation', 'Intruder Alarm', 'source-hint'],
    ['fight', { category: 'Not A Category' }, 'Assault', null, 'keyword'],
    ['fight', { category: 'Assault', subcategory: 'Shoplifting' }, 'Assault', null, 'keyword'],
  ])('%s (hint %j) → %s / %s by %s', (summary, categoryHint, category, subcategory, reasonHead) => {
    const result = classifyCall({ summary, categoryHint });
    expect(result).toMatchObject({ category, subcategory });
    expect(result.reason.startsWith(reasonHead)).toBe(true);
  });
});
