// The local web host (src/main/web/server.ts): POST /api/call/<method> answers a Result, GET /api/events is a
// server-sent event stream, POST /api/upload streams a file to the host, which answers a handle for it, GET
// /api/download serves a built deck. The page is opened with ?token=; it moves the token to sessionStorage (per
// origin, so per port: no other server on 127.0.0.1 can read it, which a cookie would not guarantee) and sends it
// as a Bearer header on every call.
import { ChosenFile, MAX_UPLOAD_BYTES, TABLES, uploadTooLargeMessage, eventNames, events, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../../shared/contract';
import type { Transport } from './transport';

type Failure = Extract<Result<unknown>, { ok: false }>;

function failure(code: string, message: string): Failure {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function post(url: string, body: BodyInit, contentType: string): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType, ...authorization() } });
  } catch {
    return failure('unreachable', 'Bearing’s local server did not answer. Is `npm run web` still running?');
  }
  if (response.status === 401 || response.status === 403) {
    return failure('unauthorized', 'This tab is not signed in to Bearing: open the address `npm run web` printed (it carries this run’s token).');
  }
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    if (isResult(value)) return value;
  } catch {
    // Not JSON: fall through to the generic message below.
  }
  return failure('bad_response', `Bearing’s local server gave an unexpected answer (HTTP ${response.status}).`);
}

const TOKEN_KEY = 'bearing.token';

/**
 * Takes the token out of the address (so it stays out of the address bar, history and screenshots) into this
 * tab's sessionStorage, where a reload finds it again.
 */
function takeTokenFromAddress() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused (a locked-down profile): this page load still works; a reload will ask for the address.
    memoryToken = token;
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url);
}

let memoryToken: string | null = null;

function token(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? memoryToken ?? '';
  } catch {
    return memoryToken ?? '';
  }
}

function authorization(): Record<string, string> {
  return { Authorization: `Bearer ${token()}` };
}

/** Where a browser cannot set a header (EventSource, a download), the token rides in the query instead. */
function withToken(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token())}`;
}

/**
 * Saves a built deck through the browser's downloads. Fetched with the Bearer header and handed over as a blob,
 * so the token never appears in the browser's list of downloads.
 */
async function download(path: string, fileName: string): Promise<Result<null>> {
  let response: Response;
  try {
    response = await fetch(`/api/download?path=${encodeURIComponent(path)}`, { headers: authorization() });
  } catch {
    return failure('unreachable', 'Bearing’s local server did not answer. Is `npm run web` still running?');
  }
  if (!response.ok) return failure('download_failed', `The file could not be downloaded (HTTP ${response.status}): build it again.`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled; revoking later frees it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, value: null };
}

export function httpTransport(): Transport {
  takeTokenFromAddress();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function dispatch<E extends EventName>(event: E, payload: EventPayload<E>) {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  // One stream for the whole page, opened on the first subscription. EventSource reconnects by itself; events
  // sent while it was down are lost, so after a reconnect every table is announced as changed.
  function connect() {
    if (source) return;
    source = new EventSource(withToken('/api/events'));
    let wasDown = false;
    source.addEventListener('error', () => {
      wasDown = true;
    });
    source.addEventListener('open', () => {
      if (wasDown) dispatch('changed', { tables: [...TABLES] });
      wasDown = false;
    });
    for (const name of eventNames) listen(source, name);
  }

  // Every contract event, so a new event needs no change here (import.progress drives the import screen).
  function listen<E extends EventName>(stream: EventSource, name: E) {
    stream.addEventListener(name, (message) => {
      const parsed = events[name].safeParse(JSON.parse(message.data as string));
      // The schema parsed is the one for `name`; TypeScript cannot correlate the generic key with it.
      if (parsed.success) dispatch(name, parsed.data as EventPayload<E>);
    });
  }

  return {
    // Main validated the answer against the contract before sending it, so the envelope's type is trusted here.
    call: async <K extends MethodName>(method: K, input: MethodInput<K>) =>
      (await post(`/api/call/${encodeURIComponent(method)}`, JSON.stringify(input ?? {}), 'application/json')) as Result<
        MethodOutput<K>
      >,
    on(event, listener) {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    async chooseFile(file) {
      // Said before a byte is sent: the host would refuse it, and a browser may not show an answer given mid-upload.
      if (file.size > MAX_UPLOAD_BYTES) return failure('upload_too_large', uploadTooLargeMessage(file.name, MAX_UPLOAD_BYTES, file.size));
      const result = await post(`/api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
      if (!result.ok) return result;
      const chosen = ChosenFile.safeParse(result.value);
      return chosen.success ? { ok: true, value: chosen.data } : failure('bad_response', 'The upload gave no file handle.');
    },
    download,
  };
}
