/// <reference types="vite/client" />
import type { ClaimbenchBridge } from '../shared/api';

declare global {
  interface Window {
    /** Installed by the preload (or the test bridge); the renderer's only door to the core. */
    claimbench: ClaimbenchBridge;
  }
}

export {};
