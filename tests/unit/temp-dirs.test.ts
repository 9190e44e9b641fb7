// The tests' temp folders do not outlive their test file (a CI run used to leave about 470 behind in /tmp).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/backend';

describe('tempDir', () => {
  it('makes a fresh folder under the OS temp folder that removeTempDirs removes, contents and all', () => {
    const a = tempDir('bearing-cleanup-');
    const b = tempDir('bearing-cleanup-');
    fs.mkdirSync(path.join(a, 'uploads'));
    fs.writeFileSync(path.join(a, 'uploads', 'x.csv'), 'a,b\n');
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe(os.tmpdir());
    expect(fs.existsSync(a) && fs.existsSync(b)).toBe(true);
    expect(removeTempDirs()).toBe(2);
    expect(fs.existsSync(a) || fs.existsSync(b)).toBe(false);
    expect(removeTempDirs()).toBe(0);
  });
});
