import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../db/data-dir';

type SendJson = (res: http.ServerResponse, status: number, value: unknown) => void;

/**
 * A browser cannot hand main a file path, so the web host streams the dropped file to disk (never whole in
 * memory) and answers with the path, which the import methods then take like Electron's dropped paths.
 */
export async function handleUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  uploadDir: string,
  sendJson: SendJson,
): Promise<void> {
  const name = path.basename(url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w.\- ()]+/g, '_') || 'upload.csv';
  // Uploads are the CSM's customer data: 0700 folders, 0600 files, like everything in the data folder.
  makePrivateDir(uploadDir);
  const folder = path.join(uploadDir, crypto.randomUUID());
  fs.mkdirSync(folder, { mode: PRIVATE_DIR_MODE });
  const file = path.join(folder, name);
  try {
    await pipeline(req, fs.createWriteStream(file, { mode: PRIVATE_FILE_MODE }));
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    return sendJson(res, 400, { ok: false, error: { code: 'upload_failed', message: `The upload did not finish: ${String(error)}` } });
  }
  sendJson(res, 200, { ok: true, value: { path: file, name, sizeBytes: fs.statSync(file).size } });
}
