import { AssetListHeaderError, readAssetList } from './asset-list';
import { parseCsv } from './csv/parse-csv';

// As a council's asset register comes out of Excel: its own column names, its own spellings.
const HEADER = 'Camera No.,Asset Ref,Location Description,Town/Area,Owner,Cabinet ID,Transmission,Latitude,Longitude,Camera Type,Pro-active/Reactive,Retention (days)';
const list = (...rows: string[]) => readAssetList(parseCsv([HEADER, ...rows].join('\r\n')));

describe('readAssetList', () => {
  it('reads a row in the list\'s own words into a camera', () => {
    expect(list('14,NH-014,"Market Place, j/w Bucklersbury",Hitchin Town Centre,North Hertfordshire District Council,hitchin-market,hitchin-ring,51.9492,-0.2801,PTZ dome,Pro-active,31')).toEqual([
      {
        line: 2,
        camera: {
          cameraId: 'NH-014',
          number: '14',
          location: 'Market Place, j/w Bucklersbury',
          partnerId: 'north-herts',
          clientName: null,
          town: 'Hitchin Town Centre',
          siteId: 'hitchin-market',
          networkSegment: 'hitchin-ring',
          lat: 51.9492,
          lon: -0.2801,
          type: 'ptz-dome',
          monitoring: 'pro-active',
          retentionDays: 31,
        },
      },
    ]);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a partner by id', '1,A1,High St,Hertford,east-herts,s1,,51.79,-0.07,static (reactive),reactive,', { partnerId: 'east-herts', type: 'static', retentionDays: 28, networkSegment: null }],
    ['a client by name', '2,A2,Church St,Cheshunt,Broxbourne,s2,,51.70,-0.03,Redeployable 4G,Reactive,', { partnerId: null, clientName: 'Broxbourne', type: 'redeployable-4g' }],
    ['a shoebox, upper case', '3,A3,Fore St,Hertford,EAST-HERTS,s3,,51.79,-0.07,PTZ SHOEBOX,PROACTIVE,28', { type: 'ptz-shoebox', monitoring: 'pro-active' }],
  ])('reads %s', (_what, row, expected) => {
    const [read] = list(row);
    expect('camera' in read && read.camera).toMatchObject(expected);
  });

  it.each<[string, string, RegExp[]]>([
    ['an unknown owner', '1,A1,High St,Hertford,Herts County,s1,,51.79,-0.07,PTZ dome,reactive,', [/owner: "Herts County" is neither/]],
    ['an unknown type and monitoring', '1,A1,High St,Hertford,east-herts,s1,,51.79,-0.07,bullet,sometimes,', [/type: "bullet"/, /monitoring: "sometimes"/]],
    ['coordinates that are not numbers', '1,A1,High St,Hertford,east-herts,s1,,north,-0.07,PTZ dome,reactive,', [/^lat: /]],
    ['an id that is not one subject token', '1,A 1,High St,Hertford,east-herts,s1,,51.79,-0.07,PTZ dome,reactive,', [/^cameraId: one subject token/]],
  ])('refuses %s, naming every problem', (_what, row, problems) => {
    const [read] = list(row);
    expect('problems' in read).toBe(true);
    for (const problem of problems) expect('problems' in read && read.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it('refuses a camera id seen on an earlier line, and goes on after a refused row', () => {
    const rows = list(
      '1,A1,High St,Hertford,east-herts,s1,,51.79,-0.07,PTZ dome,reactive,',
      '1,A1,High St,Hertford,east-herts,s1,,51.79,-0.07,PTZ dome,reactive,',
      '2,A2,High St,Hertford,east-herts,s1,,51.79,-0.07,PTZ dome,reactive,',
    );
    expect(rows.map((r) => ('camera' in r ? 'camera' : r.problems[0]))).toEqual(['camera', 'cameraId: A1 is on an earlier line of this list', 'camera']);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('refuses a header without the columns it needs, naming them', () => {
    expect(() => readAssetList(parseCsv('Asset Ref,Location\r\nA1,High St\r\n'))).toThrow(new AssetListHeaderError('the header lacks town, owner, siteId, lat, lon, type, monitoring (it has: Asset Ref, Location)'));
  });
});
