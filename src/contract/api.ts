import type { Result } from '../core/base/result';
import type { HostEvent } from './events';
import type { ChannelName, EventName } from './names';
import { CHANNEL_NAMES } from './names';
import type { Input, Output } from './channels';

/** One typed method per channel, as the preload exposes it and the renderer consumes it. */
export type Api = { [C in ChannelName]: (input: Input<C>) => Promise<Result<Output<C>>> };

export type EventListener = (e: HostEvent) => void;

/** window.hotpair in Electron; the browser-mode service builds the same shape over HTTP + WS. */
export interface Bridge {
  api: Api;
  /** Subscribe to host events; returns the unsubscribe function. */
  on(listener: EventListener): () => void;
  readonly mode: 'electron' | 'browser';
}

/** Builds the Api from one transport function; the only place the channel list becomes methods. */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<Result<unknown>>): Api {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of CHANNEL_NAMES) api[name] = (input: unknown) => invoke(name, input ?? {});
  return Object.freeze(api) as unknown as Api;
}

export type { EventName, HostEvent, Result };
