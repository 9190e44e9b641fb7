import type { BearingBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the web host. */
    bearing?: BearingBridge;
  }
}

export {};
