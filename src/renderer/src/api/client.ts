// The renderer's one way to reach main (DESIGN.md): typed by the contract, with a transport picked once at
// start. The same bundle runs in both hosts, so the pick is made at run time by whether the preload is there.
import type { ChosenFile, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { electronTransport } from './transport-electron';
import { httpTransport } from './transport-http';
import type { Transport } from './transport';

/** A failed call: the contract's error value (stable code, a message for the CSM, the file line if any). */
export class ClientError extends Error implements AppErrorShape {
  readonly code: string;
  readonly line: number | null;

  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
    this.line = error.line ?? null;
  }
}

const transport: Transport = window.bearing ? electronTransport(window.bearing) : httpTransport();

/** Calls a contract method; resolves with its output or rejects with a ClientError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  let result;
  try {
    result = await transport.call(method, input);
  } catch (error) {
    // A transport should answer a Result, but a broken bridge can still throw: keep the promise's contract.
    throw new ClientError({ code: 'transport', message: `Bearing could not reach its data: ${String(error)}` });
  }
  if (!result.ok) throw new ClientError(result.error);
  return result.value;
}

/** Subscribes to an event main pushes; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport.on(event, listener);
}

/** Main's handle for a file the CSM dropped or picked in the page (see Transport.chooseFile). */
export async function chooseFile(file: File): Promise<ChosenFile> {
  const result = await transport.chooseFile(file);
  if (!result.ok) throw new ClientError(result.error);
  return result.value;
}

/** Saves a file main wrote through the browser's downloads (web host only; see Transport.download). */
export async function download(path: string, fileName: string): Promise<void> {
  if (!transport.download) throw new ClientError({ code: 'unsupported', message: 'Downloads happen only in a browser.' });
  const result = await transport.download(path, fileName);
  if (!result.ok) throw new ClientError(result.error);
}

export function isClientError(value: unknown): value is ClientError {
  return value instanceof ClientError;
}
