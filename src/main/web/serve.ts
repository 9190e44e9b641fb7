// `npm run web`: the whole app in a browser, on 127.0.0.1 with a per-run token. Same store as the desktop app.
import path from 'node:path';
import { openBackend } from '../app/backend';
import { fileHandles } from '../services/file-handles';
import { startWebHost } from './server';

const backend = openBackend({ host: 'web', demoOnFirstStart: true, watchFolders: true });
const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');
const host = await startWebHost({
  api: backend.api,
  rendererDir,
  uploadDir: path.join(backend.context.dataDir, 'uploads'),
  files: fileHandles(backend.context),
  port: process.env.PORT ? Number(process.env.PORT) : 0,
});
process.stdout.write(`Bearing is running at ${host.url}\nData folder: ${backend.context.dataDir}\nPress Ctrl+C to stop.\n`);

function stop() {
  void host.close().then(() => {
    backend.close();
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
