// A Salesforce account report as Excel on Windows saves it (quoted cells, CRLF), 3,000 accounts, whose first
// character past ASCII (an accented name or owner) sits after row 2,000: about 170 KB into the file, far past the
// 64 KB sample the encoding is guessed from. Written byte by byte in the encoding asked for.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './backend';

const ACCENTED = ['Müller Holzbau GmbH', 'Société Générale', 'Zoë & Chloë Ltd', 'Café Ñandú S.A.', 'Ærø Shipping ApS'];

export interface ExcelReport {
  file: string;
  /** The account names written, in row order (= external id order). */
  names: string[];
  /** Where the first byte past ASCII is (a check the caller can make). */
  firstPastAscii: number;
}

export function excelAccountReport(encoding: 'latin1' | 'utf8', bom: boolean): ExcelReport {
  const lines = ['"Account ID","Account Name","Account Owner","Billing Country","Annual Revenue"'];
  const names: string[] = [];
  for (let i = 1; i <= 3000; i++) {
    const name = i > 2000 && i % 200 === 0 ? `${ACCENTED[(i / 200) % ACCENTED.length]} ${i}` : `Plain Account ${String(i).padStart(5, '0')} Holdings`;
    names.push(name);
    // Every character past ASCII after the sample: the owners of the later accounts too.
    lines.push(`"001${String(i).padStart(12, '0')}","${name}","${i > 2000 ? 'Renée Dupont' : 'Sam Taylor'}","Deutschland","${i * 1000}"`);
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const file = path.join(tempDir(), `accounts-${encoding === 'latin1' ? 'windows-1252' : 'utf-8'}${bom ? '-bom' : ''}.csv`);
  const bytes = Buffer.from(text, encoding);
  fs.writeFileSync(file, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  return { file, names, firstPastAscii: bytes.findIndex((byte) => byte > 0x7f) };
}
