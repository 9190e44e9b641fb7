// `npm run web`: the whole app in a browser, on 127.0.0.1 with a per-run token. Same store as the desktop app.
// A database that cannot be opened starts the page in recovery (see app/recovery.ts) rather than failing.
import path from 'node:path';
import { openApp } from '../app/recovery';
import { fileHandles } from '../services/file-handles';
import { startWebHost } from './server';

const app = openApp({ host: 'web', demoOnFirstStart: true, watchFolders: true });
const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');
const host = await startWebHost({
  api: app.api,
  rendererDir,
  uploadDir: path.join(app.dataDir, 'uploads'),
  files: fileHandles(app),
  port: process.env.PORT ? Number(process.env.PORT) : 0,
});
const status = app.status();
if (status.state === 'recovery') process.stderr.write(`${status.problem.message}\nOpen the address below to restore a backup (or start a new book); until then the file stays as it is.\n`);
// The address is the last line, where the eye lands after the start-up output.
process.stdout.write(`Data folder: ${app.dataDir}\nBearing is running at ${host.url} (press Ctrl+C to stop)\n`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  void host.close().then(() => {
    app.close();
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// Started by `npm start` (scripts/start.mjs): the address goes back over the IPC channel (to open the browser), and
// the channel closing means that script is gone, however it went, so the server goes too rather than run orphaned.
if (process.send) {
  process.send({ type: 'ready', url: host.url });
  process.on('disconnect', stop);
}
