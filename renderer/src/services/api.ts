import type { Api, Bridge, EventListener } from '../../../src/contract/api';
import { browserBridge, takeToken } from './browser';

export type { Api, Bridge };

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. */
    hotpair?: Bridge;
  }
}

/**
 * The only place in the renderer that reaches the host. Chooses at runtime: the Electron preload's
 * bridge when present, else browser mode over HTTP + WebSocket. Tests install a fake with setBridge.
 */
let bridge: Bridge | undefined;

function current(): Bridge {
  bridge ??= window.hotpair ?? browserBridge(takeToken());
  return bridge;
}

export const api = (): Api => current().api;
export const onHostEvent = (l: EventListener): (() => void) => current().on(l);

export function setBridge(b: Bridge | undefined): void {
  bridge = b;
}

/** An id for an operation this renderer starts, so it can cancel it and match its progress. */
export function newOpId(): string {
  return `op-${crypto.randomUUID()}`;
}
