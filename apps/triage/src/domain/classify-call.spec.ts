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

describe('classifyCall by source', () => {
  const alarm = (kind: string) => ({ account: '7001', protocol: 'SIA-DCS' as const, code: 'XX', qualifier: 'new' as const, kind, site: 'Boots', address: 'High Street, Hitchin' });
  type Input = Parameters<typeof classifyCall>[0];

  it.each<[string, Input, string, string | null, string]>([
    ['an intruder alarm', { source: 'Alarm', summary: 'Burglary zone 3: Boots', alarm: alarm('intruder') }, 'Alarm Activation', 'Intruder Alarm', 'alarm-kind:intruder'],
    ['a personal-attack alarm', { source: 'Alarm', summary: 'Panic', alarm: alarm('personal-attack') }, 'Alarm Activation', 'Personal Attack', 'alarm-kind:personal-attack'],
    ['a hold-up alarm', { source: 'Alarm', summary: 'Hold-up', alarm: alarm('hold-up') }, 'Alarm Activation', 'Personal Attack', 'alarm-kind:hold-up'],
    ['a fire alarm', { source: 'Alarm', summary: 'Fire zone 1', alarm: alarm('fire') }, 'Arson/Fire', null, 'alarm-kind:fire'],
    ['a tamper', { source: 'Alarm', summary: 'Tamper', alarm: alarm('tamper') }, 'Alarm Activation', 'Monitored site', 'alarm-kind:tamper'],
    ['mains loss', { source: 'Alarm', summary: 'AC loss', alarm: alarm('ac-loss') }, 'Alarm Activation', 'Monitored site', 'alarm-kind:ac-loss'],
    ['an alarm whose hint disagrees: the kind wins', { source: 'Alarm', summary: 'x', alarm: alarm('fire'), categoryHint: { category: 'Alarm Activation', subcategory: 'Intruder Alarm' } }, 'Arson/Fire', null, 'alarm-kind:fire'],
    ['a Town Link panic button', { source: 'Town Link', urgency: 'emergency', summary: 'PANIC button: The Bat and Ball, Potters Bar (Pub Link member PL-042, radio R-7)' }, 'Alarm Activation', 'Personal Attack', 'townlink-panic'],
    ['a Town Link member call, by its words', { source: 'Town Link', urgency: 'routine', summary: 'Town Link Boots (member TL-118): shoplifter running towards the market' }, 'Theft', 'Shoplifting', 'keyword:\\bshoplift(er|ing|ed)?\\b'],
    ['an Airwave emergency button', { source: 'Police Airwaves', urgency: 'emergency', summary: 'EMERGENCY call from ISSI 2260112 to talkgroup 9001' }, 'Police Request', null, 'airwave-emergency'],
    ['an Airwave status, by its hint', { source: 'Police Airwaves', urgency: 'routine', summary: 'Status 5 from ISSI 2260111', categoryHint: { category: 'Police Request' } }, 'Police Request', null, 'source-hint'],
    ['an Airwave SDS, by its words', { source: 'Police Airwaves', urgency: 'routine', summary: 'male detained for shoplifting at Boots, Hitchin' }, 'Theft', 'Shoplifting', 'keyword:\\bshoplift(er|ing|ed)?\\b'],
    ['the operator\'s choice over the words', { source: 'Controller', enteredBy: 'op-7', summary: 'fight outside the kebab shop', categoryHint: { category: 'Domestic', subcategory: 'Assault' } }, 'Domestic', 'Assault', 'operator-choice'],
    ['the operator\'s choice over an emergency', { source: 'Police Control', enteredBy: 'op-7', urgency: 'emergency', summary: 'RTC on the A1(M)', categoryHint: { category: 'Traffic Incident', subcategory: 'RTC' } }, 'Traffic Incident', 'RTC', 'operator-choice'],
    ['an operator who chose nothing: the words', { source: 'Police Control', enteredBy: 'op-7', summary: 'drunk male outside the Fighting Cocks' }, 'Anti Social Behaviour', 'Drunken Behaviour', 'keyword:\\b(drunk|intoxicated)\\b'],
  ])('%s', (_case, call, category, subcategory, reason) => {
    expect(classifyCall(call)).toEqual({ category, subcategory, reason });
  });
});
