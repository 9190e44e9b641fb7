// The API contract over HTTP on 127.0.0.1, serving the built renderer: how `npm run web` and the end-to-end
// tests run the app. Every API request needs the per-run token, sent by the page as a Bearer header (or ?token=
// where a browser cannot set headers: the event stream and downloads); the Host and Origin headers must be this
// server's, so no other site or rebinding trick can reach the store.
//
// The token is never a cookie. Cookies are not isolated by port: a browser sends a 127.0.0.1 cookie to every
// server on 127.0.0.1, so any other local server the CSM's browser visits (a dev server, another user's process)
// would receive it, whatever its name. The page keeps it in sessionStorage, which is per origin, port included.
// The built renderer itself is public code and is served without the token.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';
import type { Api } from '../api/api';
import type { FileHandles } from '../services/file-handles';
import { clearUploads, handleUpload } from './upload';

export interface WebHostOptions {
  api: Api;
  rendererDir: string;
  /** Where uploaded files are written before they are imported (emptied at start: no handle outlives a run). */
  uploadDir: string;
  /** The backend's chosen files: an upload is registered here and the page gets its handle. */
  files: FileHandles;
  /** Default MAX_UPLOAD_BYTES. */
  maxUploadBytes?: number;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 1024 * 1024;
const DOWNLOAD_TYPES: Record<string, string> = {
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.pdf': 'application/pdf',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A file name for Content-Disposition's filename*: percent-encoded, including the characters RFC 5987 reserves. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function tokenEquals(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new Error('too_large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const upload = { uploadDir: options.uploadDir, files: options.files, maxBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES };
  clearUploads(options.uploadDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.destroy();
    });
  });

  function sameOrigin(req: http.IncomingMessage): boolean {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
  }

  function authorized(req: http.IncomingMessage, url: URL): boolean {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    return tokenEquals(bearer, token) || tokenEquals(url.searchParams.get('token'), token);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!sameOrigin(req)) return send(res, 403, 'Forbidden: Bearing answers only its own page.');
    if (url.pathname.startsWith('/api/')) {
      if (!authorized(req, url)) {
        return sendJson(res, 401, {
          ok: false,
          error: { code: 'unauthorized', message: 'Open the address printed by `npm run web` (it carries this run\'s token).' },
        });
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
      if (url.pathname === '/api/download' && (req.method === 'GET' || req.method === 'HEAD')) return serveDownload(url, req, res);
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method_not_allowed', message: 'Use POST.' } });
      if (url.pathname === '/api/upload') return handleUpload(req, res, url, upload, sendJson);
      const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      if (!url.pathname.startsWith('/api/call/')) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
      let input: unknown;
      try {
        input = await readJson(req);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON (or is over 1 MB).' } });
      }
      return sendJson(res, 200, await options.api.invoke(method, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(url, req, res);
  }

  function serveStatic(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    let file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 403, 'Forbidden');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) return send(res, 500, 'The renderer is not built: run `npm run build:web`.');
    const body = req.method === 'HEAD' ? '' : fs.readFileSync(file);
    send(res, 200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
  }

  /**
   * A built QBR deck as a download (`deck.build` answers its path). Only files inside <data folder>/decks are
   * served, after resolving symlinks, so the route cannot be walked to any other file of the store or the disk.
   */
  async function serveDownload(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    const info = await options.api.invoke('app.info', {});
    if (!info.ok) return sendJson(res, 500, info);
    const requested = url.searchParams.get('path') ?? '';
    let root: string;
    let file: string;
    try {
      root = fs.realpathSync(path.join((info.value as { dataDir: string }).dataDir, 'decks'));
      file = fs.realpathSync(path.resolve(root, requested));
    } catch {
      return send(res, 404, 'No such deck: build it again.');
    }
    if (!requested || !file.startsWith(root + path.sep) || !fs.statSync(file).isFile()) return send(res, 403, 'Forbidden: only built decks can be downloaded.');
    const name = path.basename(file);
    res.writeHead(200, {
      'Content-Type': DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': fs.statSync(file).size,
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeRfc5987(name)}`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = options.api.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            options.files.releaseAll();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
