// The two ways the renderer reaches main: the preload bridge (Electron) or HTTP (the local web host). Both
// carry the contract's Result envelope untouched; the typed client on top turns it into values and errors.
import type { ChosenFile, EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';

export interface Transport {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Hands main a file the CSM dropped or picked in the page, and answers main's handle for it (never a path):
   * Electron's preload gives main the dropped file's place on disk; a browser cannot, so the web transport
   * streams the file to the host, which keeps it until it is imported.
   */
  chooseFile(file: File): Promise<Result<ChosenFile>>;
  /**
   * Saves a file main wrote (a built deck) through the browser's downloads. Only the web transport has it: the
   * desktop shell shows the file where it already is.
   */
  download?(path: string, fileName: string): Promise<Result<null>>;
}
