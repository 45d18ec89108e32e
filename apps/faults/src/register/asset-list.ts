import { CLIENTS, PARTNERS, RegisterCamera, registerCameraSchema } from '@vigil/contracts';
import { CsvRecord } from './csv/parse-csv';

/** A row of an asset list that became a camera, or why it did not. */
export type AssetListRow = { line: number; camera: RegisterCamera } | { line: number; cameraId: string | null; problems: string[] };

/** An asset list whose header lacks a column Vigil cannot do without. */
export class AssetListHeaderError extends Error {}

type Field = 'cameraId' | 'number' | 'location' | 'town' | 'owner' | 'siteId' | 'networkSegment' | 'lat' | 'lon' | 'type' | 'monitoring' | 'retentionDays';

/**
 * Column names as councils' asset lists write them, compared without case, spaces or punctuation:
 * "Camera No.", "CAMERA_NUMBER" and "camera number" are one column.
 */
const COLUMN_NAMES: Record<Field, readonly string[]> = {
  cameraId: ['cameraid', 'assetid', 'id', 'assetref', 'assetreference'],
  number: ['cameranumber', 'camerano', 'number', 'no'],
  location: ['location', 'description', 'address', 'locationdescription'],
  town: ['town', 'area', 'townarea'],
  owner: ['owner', 'partner', 'client', 'ownedby'],
  siteId: ['site', 'siteid', 'cabinet', 'cabinetid'],
  networkSegment: ['network', 'networksegment', 'segment', 'transmission'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'long', 'lng'],
  type: ['type', 'cameratype'],
  monitoring: ['monitoring', 'monitored', 'proactivereactive'],
  retentionDays: ['retention', 'retentiondays', 'recordingretention', 'retentiondays'],
};
const REQUIRED: readonly Field[] = ['cameraId', 'location', 'town', 'owner', 'siteId', 'lat', 'lon', 'type', 'monitoring'];

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

// The partnership's own spellings (partnership.json camera_types) and what lists commonly say instead.
const TYPES: Record<string, RegisterCamera['type']> = {
  ptzdome: 'ptz-dome',
  dome: 'ptz-dome',
  ptzshoebox: 'ptz-shoebox',
  shoebox: 'ptz-shoebox',
  static: 'static',
  staticreactive: 'static',
  fixed: 'static',
  wirelesshd: 'wireless-hd',
  redeployable4g: 'redeployable-4g',
  redeployable: 'redeployable-4g',
  '4g': 'redeployable-4g',
};
const MONITORING: Record<string, RegisterCamera['monitoring']> = { proactive: 'pro-active', reactive: 'reactive', active: 'pro-active', passive: 'reactive' };

/** The owner an asset list names: a partner by id or name, or a client of the company by name. */
function ownerOf(text: string): { partnerId: string | null; clientName: string | null } | undefined {
  const key = squash(text);
  const partner = PARTNERS.find((p) => squash(p.id) === key || squash(p.name) === key);
  if (partner) return { partnerId: partner.id, clientName: null };
  const client = CLIENTS.find((c) => squash(c.name) === key);
  return client ? { partnerId: null, clientName: client.name } : undefined;
}

/** Maps the header to fields; throws naming every required column it lacks. */
function columnsOf(header: readonly string[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((name, index) => {
    const field = (Object.keys(COLUMN_NAMES) as Field[]).find((f) => COLUMN_NAMES[f].includes(squash(name)));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const missing = REQUIRED.filter((field) => columns[field] === undefined);
  if (missing.length > 0) throw new AssetListHeaderError(`the header lacks ${missing.join(', ')} (it has: ${header.join(', ')})`);
  return columns;
}

/**
 * Reads a council's asset list (CSV records, header first) into cameras to register, each row
 * checked against the register's contract; a row with problems is refused with all of them named,
 * and never stops the rows after it. A camera id twice in one list is refused the second time.
 */
export function readAssetList(records: readonly CsvRecord[]): AssetListRow[] {
  if (records.length === 0) throw new AssetListHeaderError('the file is empty');
  const columns = columnsOf(records[0].fields);
  const seen = new Set<string>();
  return records.slice(1).map((record) => {
    const cell = (field: Field) => (columns[field] === undefined ? undefined : (record.fields[columns[field] as number] ?? '').trim());
    const cameraId = cell('cameraId') || null;
    const problems: string[] = [];
    const owner = ownerOf(cell('owner') ?? '');
    if (!owner) problems.push(`owner: "${cell('owner')}" is neither a partner nor a client of the company`);
    const type = TYPES[squash(cell('type') ?? '')];
    if (!type) problems.push(`type: "${cell('type')}" is not a camera type (PTZ dome, PTZ shoebox, static, wireless HD, redeployable 4G)`);
    const monitoring = MONITORING[squash(cell('monitoring') ?? '')];
    if (!monitoring) problems.push(`monitoring: "${cell('monitoring')}" is neither pro-active nor reactive`);
    const retention = cell('retentionDays');
    const parsed = registerCameraSchema.safeParse({
      cameraId,
      number: cell('number') || cameraId,
      location: cell('location'),
      ...(owner ?? { partnerId: null, clientName: null }),
      town: cell('town'),
      siteId: cell('siteId'),
      networkSegment: cell('networkSegment') || null,
      lat: Number(cell('lat') || NaN),
      lon: Number(cell('lon') || NaN),
      type: type ?? 'static',
      monitoring: monitoring ?? 'reactive',
      ...(retention ? { retentionDays: Number(retention) } : {}),
    });
    if (!parsed.success) {
      // Owner, type and monitoring were named above in the list's own words.
      for (const issue of parsed.error.issues) if (!(owner === undefined && issue.path[0] === 'partnerId')) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    if (cameraId && seen.has(cameraId)) problems.push(`cameraId: ${cameraId} is on an earlier line of this list`);
    if (cameraId) seen.add(cameraId);
    return problems.length > 0 || !parsed.success ? { line: record.line, cameraId, problems } : { line: record.line, camera: parsed.data };
  });
}
