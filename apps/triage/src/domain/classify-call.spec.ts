import { PARTNERS, PLACE_NAMES } from '@vigil/contracts';
import { classifyCall } from './classify-call';

// Every town and area of the partnership, as the executive pack spells them.
const PARTNERSHIP_PLACES = PARTNERS.flatMap((partner) => partner.towns);

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

  it.each(PARTNERSHIP_PLACES)('reads no evidence in the place name "%s" alone', (place) => {
    expect(classifyCall({ summary: place })).toEqual({ category: 'Other', subcategory: null, reason: 'no-match' });
    expect(classifyCall({ summary: place.toUpperCase() })).toEqual({ category: 'Other', subcategory: null, reason: 'no-match' });
  });

  it.each(PLACE_NAMES)('reads no evidence in the reference place "%s" alone', (place) => {
    expect(classifyCall({ summary: `near the ${place}` }).category).toBe('Other');
  });

  it.each([
    ['female collapsed near the Red Lion, Potters Bar', 'Concern for Welfare', null],
    ['FEMALE COLLAPSED NEAR THE RED LION, POTTERS BAR', 'Concern for Welfare', null],
    ['man with a baseball bat outside the Red Lion', 'Weapon', 'Bat/Bar'],
    ['male with a metal bar, Potters Bar High Street', 'Weapon', 'Bat/Bar'],
    ['shoplifter heading towards the Bat and Ball, Potters Bar', 'Theft', 'Shoplifting'],
    ['drunk male outside the Fighting Cocks', 'Anti Social Behaviour', 'Drunken Behaviour'],
    ['male collapsed outside the Old Fire Station, Hertford', 'Concern for Welfare', null],
    ['smoke seen behind the fire station in Ware', 'Arson/Fire', null],
    ['youths gathering on Bar Lane, Letchworth', 'Anti Social Behaviour', 'Disorder'],
    ['male asleep in a doorway on Fire Station Road', 'Other', null],
    ['fight on Station Road, Potters Bar', 'Assault', null],
    ["purse dipping in Bishop's Stortford Town Centre", 'Theft', 'Purse Dipping'],
    ['Pub Link The Red Lion (member PL-17): Drunk male refusing to leave, getting aggressive', 'Anti Social Behaviour', 'Drunken Behaviour'],
    ['PANIC button: The Bat and Ball, Potters Bar (Pub Link member PL-042, radio R-7)', 'Other', null],
  ])('"%s" → %s / %s', (summary, category, subcategory) => {
    expect(classifyCall({ summary })).toMatchObject({ category, subcategory });
  });
});
