/**
 * Categories that can be one real event when calls about them come from one place at one time,
 * by family. A shop's intruder alarm, a Town Link "shoplifter running" and an officer's "male
 * detained at Boots" are one event; a fire alarm at a site whose intruder alarm is open is a new
 * danger and gets its own incident; a crash outside a pub is not the fight inside it.
 */
export const KIND_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  crime: [
    'Alarm Activation', 'Burglary', 'Theft', 'Criminal Damage', 'Unauthorised Access (Trespass)', 'Suspicious Activity',
    'Assault', 'Weapon', 'Anti Social Behaviour', 'Drug Related', 'Hate Crime', 'Domestic', 'Abduction', 'Breach', 'Motion',
  ],
  violence: ['Assault', 'Weapon', 'Anti Social Behaviour', 'Concern for Welfare', 'Domestic', 'Deceased', 'Hate Crime', 'Abduction'],
  fire: ['Arson/Fire', 'Emergency Incident', 'Bomb Threat/Suspect Package', 'Concern for Welfare'],
  traffic: ['Traffic Incident', 'Vehicle', 'Concern for Welfare'],
  environment: ['Environmental', 'Fly Tipping', 'Emergency Incident'],
};

/**
 * Categories that say nothing of what is happening (an officer's emergency button, "please check
 * camera 12"): they fit any incident at the same place.
 */
export const ANY_KIND = ['Other', 'Police Request'] as const;

/** True when calls of these two categories at one place can be one event. */
export function kindsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if ((ANY_KIND as readonly string[]).includes(a) || (ANY_KIND as readonly string[]).includes(b)) return true;
  return Object.values(KIND_FAMILIES).some((family) => family.includes(a) && family.includes(b));
}
