import { platform } from 'node:os';
import type { ChannelName } from '../../contract/index';
import type { Handlers, HostDeps } from '../types';

export function appHandlers(deps: HostDeps, available: readonly ChannelName[], labAvailable: boolean): Handlers {
  return {
    'app.info': () => ({
      name: 'HotPair' as const,
      version: deps.version,
      mode: deps.mode,
      platform: platform(),
      available: [...available],
      labAvailable,
    }),
  };
}
