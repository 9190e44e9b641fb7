// Electron: everything goes through the preload's contextBridge object; there is nothing to translate.
import type { BearingBridge } from '../../../shared/bridge';
import type { Transport } from './transport';

export function electronTransport(bridge: BearingBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    on: (event, listener) => bridge.on(event, listener),
    chooseFile: async (file) => (await bridge.dropFile(file)).result,
  };
}
