import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uploadTooLargeMessage } from '../../shared/contract';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../db/data-dir';
import type { FileHandles } from '../services/file-handles';

type SendJson = (res: http.ServerResponse, status: number, value: unknown) => void;

export interface UploadOptions {
  uploadDir: string;
  files: FileHandles;
  maxBytes: number;
}

function tooLarge(name: string, maxBytes: number, bytes: number | null) {
  return { ok: false, error: { code: 'upload_too_large', message: uploadTooLargeMessage(name, maxBytes, bytes) } };
}

/**
 * A browser cannot hand main a file, so the web host streams the dropped file to a folder of its own under the
 * uploads folder (never whole in memory, never past maxBytes) and answers with a handle (see file-handles.ts),
 * which the import methods take like a file chosen in the desktop app. The copy is deleted once imported.
 */
export async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: UploadOptions, sendJson: SendJson): Promise<void> {
  const name = path.basename(url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '') || 'upload.csv';
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    // Answered before a byte is written; the connection is closed so the browser stops sending.
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, tooLarge(name, options.maxBytes, declared));
  }
  // Uploads are the CSM's customer data: 0700 folders, 0600 files, like everything in the data folder.
  makePrivateDir(options.uploadDir);
  const folder = path.join(options.uploadDir, crypto.randomUUID());
  fs.mkdirSync(folder, { mode: PRIVATE_DIR_MODE });
  const file = path.join(folder, name);
  // A body that did not say its length and runs past the cap is read to its end (so the answer reaches the page)
  // but nothing past the cap is written, and the partial copy is deleted.
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(null, received > options.maxBytes ? undefined : chunk);
    },
  });
  try {
    await pipeline(req, cap, fs.createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE_MODE }));
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    return sendJson(res, 400, { ok: false, error: { code: 'upload_failed', message: `The upload did not finish: ${String(error)}` } });
  }
  if (received > options.maxBytes) {
    fs.rmSync(folder, { recursive: true, force: true });
    return sendJson(res, 413, tooLarge(name, options.maxBytes, null));
  }
  try {
    sendJson(res, 200, { ok: true, value: options.files.add(file, { name, uploadFolder: folder }) });
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Uploads left by an earlier run (no handle names them any more): deleted when the host starts. */
export function clearUploads(uploadDir: string): void {
  if (!fs.existsSync(uploadDir)) return;
  for (const entry of fs.readdirSync(uploadDir)) fs.rmSync(path.join(uploadDir, entry), { recursive: true, force: true });
}
