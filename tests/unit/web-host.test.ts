import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { tempBackend, tempDir } from '../helpers/backend';

let host: WebHost;
const backend = tempBackend();
const rendererDir = tempDir('bearing-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bearing</title>');

beforeAll(async () => {
  host = await startWebHost({ api: backend.api, rendererDir, uploadDir: path.join(backend.dataDir, 'uploads'), files: fileHandles(backend.context) });
});
afterAll(async () => {
  await host.close();
  backend.close();
});

const base = () => `http://127.0.0.1:${host.port}`;
const auth = () => ({ Authorization: `Bearer ${host.token}` });

describe('the web host', () => {
  it('prints a loopback URL carrying the token, and never puts the token in a cookie', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    // A cookie for 127.0.0.1 is sent to every port on it, so any other local server would receive the token.
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>Bearing</title>');
  });

  it('serves the page (public code) without the token, and no API call without it', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(200);
    const res = await fetch(`${base()}/api/call/accounts.list`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    for (const [url, init] of [
      [`${base()}/api/events`, {}],
      [`${base()}/api/download?path=x.pptx`, {}],
      [`${base()}/api/upload?name=a.csv`, { method: 'POST', body: 'a' }],
      [`${base()}/api/call/accounts.list`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer wrong' } }],
    ] as const) {
      expect((await fetch(url, init)).status).toBe(401);
    }
  });

  it('does not take the token from a cookie, whatever its name', async () => {
    for (const name of ['bearing_token', `bearing_token_${host.port}`]) {
      const res = await fetch(`${base()}/api/call/accounts.list`, { method: 'POST', headers: { Cookie: `${name}=${host.token}` }, body: '{}' });
      expect(res.status).toBe(401);
    }
  });

  it('takes the token in the query where a browser cannot set a header (the event stream, downloads)', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base()}/api/events?token=${host.token}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    controller.abort();
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const foreign = await fetch(`${base()}/api/call/accounts.list`, {
      method: 'POST',
      headers: { ...auth(), Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  it('calls contract methods and returns their result envelope', async () => {
    backend.database.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Over HTTP GmbH')").run();
    const res = await fetch(`${base()}/api/call/accounts.list`, { method: 'POST', headers: auth(), body: '{}' });
    const body = (await res.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw wire JSON under test
    expect(body.ok).toBe(true);
    expect(body.value.items.map((a: { name: string }) => a.name)).toEqual(['Over HTTP GmbH']);
    const bad = await (await fetch(`${base()}/api/call/accounts.get`, { method: 'POST', headers: auth(), body: '{"id":"x"}' })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notJson = await fetch(`${base()}/api/call/accounts.get`, { method: 'POST', headers: auth(), body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('streams an upload to disk and answers with a handle, never its path', async () => {
    const res = await fetch(`${base()}/api/upload?name=${encodeURIComponent('../../evil name.csv')}`, {
      method: 'POST',
      headers: auth(),
      body: 'a,b\n1,2\n',
    });
    const body = (await res.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw wire JSON under test
    expect(body).toEqual({ ok: true, value: { file: expect.stringMatching(/^fh_/), name: 'evil name.csv', sizeBytes: 8 } });
    const chosen = fileHandles(backend.context).resolve(body.value.file);
    expect(path.basename(chosen.path)).toBe('evil name.csv');
    expect(chosen.path.startsWith(fs.realpathSync(path.join(backend.dataDir, 'uploads')))).toBe(true);
    expect(fs.readFileSync(chosen.path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('pushes change events over server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base()}/api/events`, { headers: auth(), signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await fetch(`${base()}/api/call/accounts.setStageOverride`, { method: 'POST', headers: auth(), body: '{"id":1,"stage":"renewal"}' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: changed\ndata: {"tables":["accounts"]}');
    controller.abort();
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/..%2f..%2fetc%2fpasswd`, { headers: auth() });
    expect([403, 200]).toContain(res.status);
    expect(await res.text()).not.toContain('root:');
  });
});
