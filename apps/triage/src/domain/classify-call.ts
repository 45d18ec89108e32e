import { CallReceived, isKnownCategory } from '@vigil/contracts';
import { stripPlaceNames } from './strip-place-names';

/** A category choice and why it was made. */
export interface Classification {
  category: string;
  subcategory: string | null;
  reason: string;
}

interface KeywordRule {
  pattern: RegExp;
  category: string;
  subcategory: string | null;
}

/**
 * What operators' and radio users' words usually mean, most specific first. Data, not code:
 * a partnership can extend it without touching the classifier.
 */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  { pattern: /\b(knife|blade|stabb?(ed|ing)?)\b/, category: 'Weapon', subcategory: 'Knife' },
  { pattern: /\b(gun|firearm|shots? fired)\b/, category: 'Weapon', subcategory: 'Firearms' },
  { pattern: /\b(bat|bar|crowbar)\b/, category: 'Weapon', subcategory: 'Bat/Bar' },
  { pattern: /\brobb(ery|ed)\b|\bmugg(ed|ing)\b/, category: 'Assault', subcategory: 'Robbery' },
  { pattern: /\b(fight|fighting|punch(ed|ing)?|assault(ed)?|kick(ed|ing)?)\b/, category: 'Assault', subcategory: null },
  { pattern: /\bshoplift(er|ing|ed)?\b/, category: 'Theft', subcategory: 'Shoplifting' },
  { pattern: /\b(pickpocket|purse dip(ping)?)\b/, category: 'Theft', subcategory: 'Purse Dipping' },
  { pattern: /\b(theft|stolen|stealing)\b/, category: 'Theft', subcategory: null },
  { pattern: /\b(drunk|intoxicated)\b/, category: 'Anti Social Behaviour', subcategory: 'Drunken Behaviour' },
  { pattern: /\b(disorder|rowdy|youths?)\b/, category: 'Anti Social Behaviour', subcategory: 'Disorder' },
  { pattern: /\b(begging|beggar)\b/, category: 'Anti Social Behaviour', subcategory: 'Begging' },
  { pattern: /\b(fire|smoke|arson|burning)\b/, category: 'Arson/Fire', subcategory: null },
  { pattern: /\b(rtc|collision|crash|car accident)\b/, category: 'Traffic Incident', subcategory: 'RTC' },
  { pattern: /\bbroken down\b/, category: 'Traffic Incident', subcategory: 'Broken Down Vehicle' },
  { pattern: /\bmissing (person|child|male|female|man|woman|boy|girl)\b/, category: 'Concern for Welfare', subcategory: 'Missing Persons' },
  { pattern: /\b(welfare|collapsed|unconscious|injured)\b/, category: 'Concern for Welfare', subcategory: null },
  { pattern: /\b(suspect package|unattended bag|bomb)\b/, category: 'Bomb Threat/Suspect Package', subcategory: null },
  { pattern: /\b(drugs?|dealing)\b/, category: 'Drug Related', subcategory: null },
  { pattern: /\b(graffiti|vandal(ism)?|smash(ed|ing)?)\b/, category: 'Criminal Damage', subcategory: null },
  { pattern: /\bburglary|break[- ]in\b/, category: 'Burglary', subcategory: null },
  { pattern: /\bsuspicious\b/, category: 'Suspicious Activity', subcategory: null },
];

/** What an alarm panel's kind of signal means in the taxonomy, whatever words came with it. */
export const ALARM_KIND_CATEGORIES: Readonly<Record<string, { category: string; subcategory: string | null }>> = {
  intruder: { category: 'Alarm Activation', subcategory: 'Intruder Alarm' },
  'personal-attack': { category: 'Alarm Activation', subcategory: 'Personal Attack' },
  'hold-up': { category: 'Alarm Activation', subcategory: 'Personal Attack' },
  fire: { category: 'Arson/Fire', subcategory: null },
};

/** Any other alarm (tamper, mains loss, water, an unknown code) is a monitored-site alarm for an operator to look at. */
const OTHER_ALARM = { category: 'Alarm Activation', subcategory: 'Monitored site' };

type ClassifiableCall = Pick<CallReceived, 'categoryHint' | 'summary'> & Partial<Pick<CallReceived, 'source' | 'urgency' | 'alarm' | 'enteredBy'>>;

/**
 * Chooses a taxonomy category for a call. An operator's own choice wins; then the source's
 * rules (an alarm's kind, a Town Link panic button, an Airwave emergency); then the source's
 * hint; then the words; else Other. Place names are taken out of the words first: where it
 * happened is not evidence of what happened.
 */
export function classifyCall(call: ClassifiableCall): Classification {
  const hint = call.categoryHint;
  const knownHint = hint && isKnownCategory(hint.category, hint.subcategory) ? { category: hint.category, subcategory: hint.subcategory ?? null } : undefined;
  if (knownHint && call.enteredBy) return { ...knownHint, reason: 'operator-choice' };
  const bySource = sourceRule(call);
  if (bySource) return bySource;
  if (knownHint) return { ...knownHint, reason: 'source-hint' };
  const text = stripPlaceNames(call.summary).toLowerCase();
  const rule = KEYWORD_RULES.find((r) => r.pattern.test(text));
  if (rule) return { category: rule.category, subcategory: rule.subcategory, reason: `keyword:${rule.pattern.source}` };
  return { category: 'Other', subcategory: null, reason: 'no-match' };
}

function sourceRule(call: ClassifiableCall): Classification | undefined {
  if (call.alarm) return { ...(ALARM_KIND_CATEGORIES[call.alarm.kind] ?? OTHER_ALARM), reason: `alarm-kind:${call.alarm.kind}` };
  // A panic button is a member asking for help at once; the taxonomy's nearest category is a personal-attack alarm.
  if (call.source === 'Town Link' && call.urgency === 'emergency') return { category: 'Alarm Activation', subcategory: 'Personal Attack', reason: 'townlink-panic' };
  // An officer's emergency button says nothing of what is happening, only that police need help now.
  if (call.source === 'Police Airwaves' && call.urgency === 'emergency') return { category: 'Police Request', subcategory: null, reason: 'airwave-emergency' };
  return undefined;
}
