// The web host's token stays with its own port. A cookie would not: browsers send a 127.0.0.1 cookie to every
// port on 127.0.0.1, so another local server the CSM's browser visits would receive it. The page keeps the token
// in sessionStorage (scoped to scheme, host and port) and sends it as a header.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

let app: App;
let other: http.Server;
let otherPort = 0;
const seenByOther: { url: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  app = await launchApp();
  await app.page.getByTestId('portfolio-table').waitFor();
  // Another server on 127.0.0.1, on another port: what does the browser send it?
  other = http.createServer((req, res) => {
    seenByOther.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Other</title><img src="/pixel.png">');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  otherPort = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => other?.close(resolve));
});

describe('the web host token', () => {
  it('is taken out of the address and kept in no cookie', async () => {
    expect(new URL(app.page.url()).searchParams.has('token')).toBe(false);
    expect(await app.page.context().cookies()).toEqual([]);
    expect(await app.page.evaluate('window.sessionStorage.getItem("bearing.token")')).toBe(app.host.token);
  });

  it('is never sent to another server on 127.0.0.1', async () => {
    await app.page.goto(`http://127.0.0.1:${otherPort}/`);
    await app.page.waitForLoadState('load');
    expect(seenByOther.length).toBeGreaterThan(0);
    for (const request of seenByOther) {
      expect(JSON.stringify(request)).not.toContain(app.host.token);
      expect(request.headers.cookie).toBeUndefined();
    }
    // The other origin (another port) cannot read Bearing's storage either.
    expect(await app.page.evaluate('window.sessionStorage.getItem("bearing.token")')).toBeNull();
  });

  it('still signs the same tab in when it comes back without the token in the address', async () => {
    await app.page.goto(`http://127.0.0.1:${app.host.port}/#/portfolio`);
    await app.page.getByTestId('portfolio-table').waitFor();
    await expect.poll(() => app.page.getByTestId('portfolio-table').getByRole('row').count()).toBeGreaterThan(1);
  });

  it('is not known to a new tab opened without it: the API refuses it and the page says what to open', async () => {
    const fresh = await app.page.context().newPage();
    const answer = fresh.waitForResponse((response) => response.url().includes('/api/call/'));
    await fresh.goto(`http://127.0.0.1:${app.host.port}/`);
    expect((await answer).status()).toBe(401);
    await fresh.getByText(/This tab is not signed in to Bearing: open the address `npm run web` printed/).first().waitFor();
    await fresh.close();
  });
});
