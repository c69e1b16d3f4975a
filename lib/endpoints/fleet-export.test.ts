import { describe, expect, it } from 'vitest';
import { csvField, fleetExportColumns, fleetToCsv, fleetToJson } from './fleet-export';
import type { FleetRow } from './fleet-row';

const row: FleetRow = {
  key: 'team-a/fraud',
  namespace: 'team-a',
  name: 'fraud',
  endpointName: 'fraud',
  status: 'InService',
  statusLabel: 'In service',
  health: 'healthy',
  config: 'fraud-v8',
  variants: ['champion', 'challenger'],
  instanceTypes: ['ml.g5.xlarge'],
  instancesCurrent: 3,
  instancesDesired: 4,
  traffic: [
    { variant: 'champion', weight: 3, share: 0.75 },
    { variant: 'challenger', weight: 1 },
  ],
  lastChange: '2026-02-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  ageSeconds: 86400,
};

describe('csvField', () => {
  it.each([
    ['plain text', 'fraud-v8', 'fraud-v8'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a leading plus', '+1', "'+1"],
    ['a leading minus', '-2+3', "'-2+3"],
    ['a leading at', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a formula sign later on', 'a=b', 'a=b'],
    ['a number', 3, '3'],
    ['nothing', undefined, ''],
  ])('writes %s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('fleetToCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    const csv = fleetToCsv([
      row,
      {
        ...row,
        key: 'b/x',
        namespace: 'b',
        name: '=cmd|calc',
        config: 'c,1',
        traffic: [],
        instancesCurrent: undefined,
      },
    ]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(
      'namespace,name,endpoint name,status,health,config,variants,instance types,instances current,instances desired,traffic,last change,created,age seconds',
    );
    expect(lines[1]).toBe(
      'team-a,fraud,fraud,InService,healthy,fraud-v8,champion; challenger,ml.g5.xlarge,3,4,champion=75%; challenger=1,2026-02-01T00:00:00Z,2026-01-01T00:00:00Z,86400',
    );
    expect(lines[2]).toBe(
      `b,'=cmd|calc,fraud,InService,healthy,"c,1",champion; challenger,ml.g5.xlarge,,4,,2026-02-01T00:00:00Z,2026-01-01T00:00:00Z,86400`,
    );
    expect(lines[0]!.split(',')).toHaveLength(fleetExportColumns.length);
  });

  it('is only the header for no rows', () => {
    expect(fleetToCsv([])).toBe(`${fleetExportColumns.map((column) => column.header).join(',')}\r\n`);
  });
});

describe('fleetToJson', () => {
  it('writes the rows as they are, without the internal key', () => {
    const parsed = JSON.parse(fleetToJson([row]));
    const { key: _key, ...rest } = row;
    expect(parsed).toEqual([rest]);
  });
});
