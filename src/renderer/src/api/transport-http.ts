// The local web host (src/main/web/server.ts): POST /api/call/<method> answers a Result, GET /api/events is a
// server-sent event stream, POST /api/upload streams a file to the host, which answers a handle for it. The page was opened with ?token=, which set
// an HttpOnly cookie, so same-origin requests are authorised without the page ever holding the token.
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
    response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType }, credentials: 'same-origin' });
  } catch {
    return failure('unreachable', 'Bearing’s local server did not answer. Is `npm run web` still running?');
  }
  if (response.status === 401 || response.status === 403) {
    return failure('unauthorized', 'This page is no longer signed in: open the address printed by `npm run web` again.');
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

/** The token is only needed once, to set the cookie; keep it out of the address bar, history and screenshots. */
function forgetTokenInAddress() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url);
}

export function httpTransport(): Transport {
  forgetTokenInAddress();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function dispatch<E extends EventName>(event: E, payload: EventPayload<E>) {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  // One stream for the whole page, opened on the first subscription. EventSource reconnects by itself; events
  // sent while it was down are lost, so after a reconnect every table is announced as changed.
  function connect() {
    if (source) return;
    source = new EventSource('/api/events', { withCredentials: true });
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
  };
}
