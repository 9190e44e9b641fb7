import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from '../../src/main/import/csv-safety';

describe('neutralizeCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    // The tab or CR is a separator to some reader too: the piece after it is neutralized as well.
    ['\t=1', "'\t'=1"],
    ['\r=1', "'\r'=1"],
    ['\tAcme', "'\tAcme"],
    ['  =1', "'  =1"],
    ['Acme', 'Acme'],
    ['a=b', 'a=b'],
    ['', ''],
    // A piece after any separator a reader may split at, or after a line break, is a cell to some reader.
    ["x;=1+1;=cmd|' /C calc'!A0", "x;'=1+1;'=cmd|' /C calc'!A0"],
    ['a, -3', "a,' -3"],
    ['a|@x', "a|'@x"],
    ['a\t+1', "a\t'+1"],
    ['a\r\n=1', "a\r\n'=1"],
    ['Line 12 has 7 fields; the header has 9.', 'Line 12 has 7 fields; the header has 9.'],
    ['a-b;c', 'a-b;c'],
  ])('%j -> %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  it('numbers, booleans and empty values', () => {
    expect(neutralizeCell(-5)).toBe('-5');
    expect(neutralizeCell(1.5)).toBe('1.5');
    expect(neutralizeCell(Number.NaN)).toBe('');
    expect(neutralizeCell(true)).toBe('true');
    expect(neutralizeCell(null)).toBe('');
    expect(neutralizeCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes object rows with a BOM, CRLF, every field quoted and neutralized cells', () => {
    const csv = toCsv([
      { line: 12, code: 'field_count', reason: 'Line 12 has 7 fields; the header has 9.', raw: '=HYPERLINK("http://x")' },
      { line: 13, code: 'not_a_number', reason: 'He said "no"\ntwice', raw: '-3' },
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toBe(
      '\ufeff"line","code","reason","raw"\r\n' +
        '"12","field_count","Line 12 has 7 fields; the header has 9.","\'=HYPERLINK(""http://x"")"\r\n' +
        '"13","not_a_number","He said ""no""\ntwice","\'-3"\r\n',
    );
    // And it reads back as the same table.
    const back = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(back[1][3]).toBe('\'=HYPERLINK("http://x")');
    expect(back[2][2]).toBe('He said "no"\ntwice');
  });

  it('writes array rows with given columns, headers neutralized too, no BOM on request', () => {
    expect(toCsv([[1, '@x']], { columns: ['n', '=h'], bom: false })).toBe('"n","\'=h"\r\n"1","\'@x"\r\n');
  });
});
