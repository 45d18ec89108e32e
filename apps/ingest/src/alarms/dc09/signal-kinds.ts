/** What kind of thing a panel reported, independent of protocol. */
export type SignalKind =
  | 'intruder'
  | 'personal-attack'
  | 'fire'
  | 'tamper'
  | 'ac-loss'
  | 'test-report'
  | 'opening-closing'
  | 'trouble'
  | 'other';

const codes = (list: string): string[] => list.split(' ');

/** SIA codes whose kind is not what the family rules below would give. */
const SIA_KINDS: ReadonlyMap<string, SignalKind> = new Map<string, SignalKind>([
  ...codes('BA BH BR BM BG BV EA CM').map((c) => [c, 'intruder'] as const),
  ...codes('PA PH PR HA HH HR QA QH QR').map((c) => [c, 'personal-attack'] as const),
  ...codes('FA FH FR FM FG KA KH KR SA SH SR').map((c) => [c, 'fire'] as const),
  ...codes('TA TH TR TT TJ TB TU ES EJ XS XJ JA JC').map((c) => [c, 'tamper'] as const),
  ...codes('AT AR').map((c) => [c, 'ac-loss'] as const),
  ...codes('RP RX TX RY BX FX GX TS TE TC TP FI FK').map((c) => [c, 'test-report'] as const),
  ...codes(
    'OA OB OC OG OH OI OJ OK OL OP OQ OR OS OT OZ CA CB CC CD CE CF CG CI CJ CK CL CP CQ CR CS CT CW CZ ' +
      'NB ND NE NF NL NM NO NP AF',
  ).map((c) => [c, 'opening-closing'] as const),
  ...codes(
    'AS AN LT LR NT NR NC ET ER EM EN XT XR XQ XH XL XX IA IR BZ BD BE FY FZ UY PF PO SM XC RT VT VR VO VI DT',
  ).map((c) => [c, 'trouble'] as const),
]);

/** Families whose second letter T/J (trouble, trouble restore) or S (supervisory) means a fault. */
const ALARM_FAMILIES = 'BFGHKMPQSUWZ';

/** The kind of a SIA DC-03 code: the explicit table first, then the family rules. */
export function siaKind(code: string): SignalKind {
  const listed = SIA_KINDS.get(code);
  if (listed) return listed;
  const [family, condition] = code;
  if (family === 'Y') return 'trouble';
  if (ALARM_FAMILIES.includes(family) && 'TJS'.includes(condition)) return 'trouble';
  return 'other';
}

/** Contact ID ranges, checked in order; the first range containing the code wins. */
const CONTACT_ID_RANGES: ReadonlyArray<[number, number, SignalKind]> = [
  [137, 137, 'tamper'],
  [144, 145, 'tamper'],
  [341, 341, 'tamper'],
  [383, 383, 'tamper'],
  [301, 301, 'ac-loss'],
  [342, 342, 'ac-loss'],
  [141, 143, 'trouble'],
  [147, 147, 'trouble'],
  [110, 119, 'fire'],
  [120, 129, 'personal-attack'],
  [130, 146, 'intruder'],
  [200, 399, 'trouble'],
  [400, 409, 'opening-closing'],
  [441, 459, 'opening-closing'],
  [601, 604, 'test-report'],
  [607, 608, 'test-report'],
  [611, 615, 'test-report'],
];

/** The kind of a Contact ID event code. */
export function contactIdKind(code: string): SignalKind {
  const n = Number(code);
  return CONTACT_ID_RANGES.find(([from, to]) => n >= from && n <= to)?.[2] ?? 'other';
}
