// The two ways the renderer reaches main: the preload bridge (Electron) or HTTP (the local web host). Both
// carry the contract's Result envelope untouched; the typed client on top turns it into values and errors.
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';

export interface Transport {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * A path main can read for a file the CSM dropped: Electron knows the file's real path; a browser does not,
   * so the web transport streams the file to the host's upload folder and answers with where it landed.
   */
  filePath(file: File): Promise<Result<string>>;
  /**
   * Saves a file main wrote (a built deck) through the browser's downloads. Only the web transport has it: the
   * desktop shell shows the file where it already is.
   */
  download?(path: string, fileName: string): Promise<Result<null>>;
}
