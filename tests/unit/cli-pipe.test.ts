// Issue #16, point 5: a CLI with manners. `health --json | head` closes the pipe after one line; the CLI must stop
// writing quietly and exit 0, not die on EPIPE with a stack trace. 3,000 accounts make the output far larger
// than a pipe's buffer, so the reader really does close while the CLI is still writing.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempBackend } from '../helpers/backend';
import { CLI_CASE_TIMEOUT } from '../helpers/cli-process';

function pipedIntoHead(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // bash's PIPESTATUS gives the CLI's own exit code, not head's.
    const child = spawn('bash', ['-c', `npm run -s cli -- ${args.join(' ')} | head -n 1; exit \${PIPESTATUS[0]}`], {
      env: { ...process.env, BEARING_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the CLI piped into head', () => {
  it('ends quietly with exit code 0, for JSON and for the table', async () => {
    const backend = tempBackend();
    const insert = backend.database.sqlite.prepare('INSERT INTO accounts (name, external_id, licenses) VALUES (?, ?, 10)');
    backend.database.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`Account ${i}`, `A-${i}`);
    })();
    backend.close();
    const [json, table] = await Promise.all([pipedIntoHead(['health', '--json'], backend.dataDir), pipedIntoHead(['health'], backend.dataDir)]);
    expect(json.stdout).toBe('[\n');
    expect(table.stdout).toMatch(/^ID\s+NAME\s+SCORE/);
    for (const run of [json, table]) {
      expect(run.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(run.code).toBe(0);
    }
  }, CLI_CASE_TIMEOUT);
});
