import { CAMERA_TYPES, CameraType, DEFAULT_RETENTION_DAYS, RegisterCamera } from '@vigil/contracts';

/**
 * Where each area's cameras look from: town centres as on the Ordnance Survey map (rounded to
 * about 100 m). The demo spreads an area's cameras within a few hundred metres of its point.
 */
const AREA_POINTS: Record<string, { lat: number; lon: number }> = {
  'Stevenage Old Town': { lat: 51.9139, lon: -0.2043 },
  'Stevenage Local Neighbourhoods': { lat: 51.8955, lon: -0.1875 },
  'Stevenage Town Centre': { lat: 51.9027, lon: -0.2022 },
  'Hitchin Town Centre': { lat: 51.949, lon: -0.2801 },
  'Letchworth Town Centre': { lat: 51.9789, lon: -0.2287 },
  'Letchworth Neighbourhoods': { lat: 51.9735, lon: -0.2175 },
  'Baldock Town Centre': { lat: 51.9893, lon: -0.1878 },
  'Royston Town Centre': { lat: 52.0483, lon: -0.0237 },
  Knebworth: { lat: 51.8668, lon: -0.1859 },
  Hertford: { lat: 51.7958, lon: -0.0779 },
  "Bishop's Stortford Town Centre": { lat: 51.8716, lon: 0.1588 },
  'Ware Town Centre': { lat: 51.8107, lon: -0.0287 },
  'Stanstead Abbots': { lat: 51.7845, lon: 0.0081 },
  'Stanstead St Margarets': { lat: 51.7868, lon: 0.0001 },
  Borehamwood: { lat: 51.6557, lon: -0.2717 },
  Bushey: { lat: 51.6442, lon: -0.3599 },
  'Potters Bar': { lat: 51.6981, lon: -0.1818 },
  Shenley: { lat: 51.6902, lon: -0.2803 },
  Cheshunt: { lat: 51.7003, lon: -0.0333 },
  Hoddesdon: { lat: 51.7618, lon: -0.0109 },
  'Waltham Cross': { lat: 51.6862, lon: -0.0331 },
  Rickmansworth: { lat: 51.6389, lon: -0.4692 },
  'South Oxhey': { lat: 51.6291, lon: -0.3882 },
  'Mill End': { lat: 51.6331, lon: -0.4901 },
  Biggleswade: { lat: 52.0868, lon: -0.2638 },
  Langford: { lat: 52.0602, lon: -0.2728 },
  Welwyn: { lat: 51.8313, lon: -0.2166 },
};

/**
 * How each owner's cameras are shared among its areas, in register order. The partners' totals
 * are the executive pack's (256 partner cameras); the company's clients take the rest of the 1,568
 * the control room watches, in shares this demo assumes. Orders are chosen so that the cameras the
 * triage demo registers name (NH-014 in Hitchin, ST-101 in Stevenage town centre, HM-022 in Potters
 * Bar, BX-003 in Cheshunt) are where triage says they are.
 */
const OWNERS: { prefix: string; partnerId: string | null; clientName: string | null; areas: [string, number][] }[] = [
  { prefix: 'ST', partnerId: 'stevenage', clientName: null, areas: [['Stevenage Old Town', 25], ['Stevenage Local Neighbourhoods', 38], ['Stevenage Town Centre', 60]] },
  {
    prefix: 'NH',
    partnerId: 'north-herts',
    clientName: null,
    areas: [['Hitchin Town Centre', 18], ['Letchworth Town Centre', 10], ['Letchworth Neighbourhoods', 6], ['Baldock Town Centre', 6], ['Royston Town Centre', 6], ['Knebworth', 3]],
  },
  {
    prefix: 'EH',
    partnerId: 'east-herts',
    clientName: null,
    areas: [['Hertford', 16], ["Bishop's Stortford Town Centre", 15], ['Ware Town Centre', 10], ['Stanstead Abbots', 3], ['Stanstead St Margarets', 3]],
  },
  { prefix: 'HM', partnerId: 'hertsmere', clientName: null, areas: [['Borehamwood', 14], ['Bushey', 7], ['Potters Bar', 12], ['Shenley', 4]] },
  { prefix: 'LHF', partnerId: null, clientName: 'Letchworth Heritage Foundation', areas: [['Letchworth Town Centre', 92]] },
  { prefix: 'CB', partnerId: null, clientName: 'Central Bedfordshire Council', areas: [['Biggleswade', 150], ['Langford', 50]] },
  {
    prefix: 'HS',
    partnerId: null,
    clientName: 'Hertfordshire Schools',
    areas: [['Stevenage Local Neighbourhoods', 120], ['Hertford', 100], ['Borehamwood', 90], ['Welwyn', 90], ['Letchworth Neighbourhoods', 100]],
  },
  { prefix: 'BX', partnerId: null, clientName: 'Broxbourne', areas: [['Cheshunt', 150], ['Hoddesdon', 100], ['Waltham Cross', 50]] },
  { prefix: 'TR', partnerId: null, clientName: 'Three Rivers', areas: [['Rickmansworth', 120], ['South Oxhey', 60], ['Mill End', 40]] },
];

/** Cameras per cabinet: the unit a site outage takes down together. */
const CAMERAS_PER_SITE = 8;

/** A deterministic pseudo-random sequence (mulberry32), so the demo register is the same on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The demo register: 1,568 cameras, 256 of them the four councils', the rest the company's clients'. */
export function demoCameras(): RegisterCamera[] {
  const next = random(1568);
  const cameras: RegisterCamera[] = [];
  for (const owner of OWNERS) {
    let n = 0;
    for (const [area, count] of owner.areas) {
      const point = AREA_POINTS[area];
      for (let i = 0; i < count; i += 1) {
        n += 1;
        const number = String(n).padStart(3, '0');
        const type: CameraType = owner.clientName ? (next() < 0.7 ? 'static' : 'ptz-dome') : CAMERA_TYPES[Math.floor(next() * 4)];
        cameras.push({
          cameraId: `${owner.prefix}-${number}`,
          number,
          location: `${area} camera ${number}`,
          partnerId: owner.partnerId,
          clientName: owner.clientName,
          town: area,
          siteId: `${owner.prefix.toLowerCase()}-${slug(area)}-${Math.floor(i / CAMERAS_PER_SITE) + 1}`,
          networkSegment: `${slug(area)}-ring`,
          // About ±400 m north-south and ±600 m east-west around the area's point.
          lat: Math.round((point.lat + (next() - 0.5) * 0.0072) * 1e6) / 1e6,
          lon: Math.round((point.lon + (next() - 0.5) * 0.0174) * 1e6) / 1e6,
          type,
          // The pack: pro-actively monitored cameras weigh more in the recharge; PTZs are the ones operators drive.
          monitoring: type === 'ptz-dome' || type === 'ptz-shoebox' ? 'pro-active' : 'reactive',
          retentionDays: DEFAULT_RETENTION_DAYS,
        });
      }
    }
  }
  return cameras;
}
