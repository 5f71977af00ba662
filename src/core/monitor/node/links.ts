/**
 * DeviceLink for a real device (or the lab): opens a session through the one device-connect
 * service (src/core/session/node/connect.ts: SSH with known hosts checked, console with
 * auto-baud) each time the poller asks — first poll and every reconnect. A monitor that silently
 * accepted a changed host key would report a stranger's health, so how a first-seen key is
 * answered is the caller's `ask`, unchanged.
 */
import { AppError } from '../../base/errors';
import type { TranscriptSink } from '../../channel/transcript';
import type { ConnectTarget } from '../../model/connect';
import type { PlatformPack } from '../../platforms/pack';
import type { ConnectAsk, DeviceConnector } from '../../session/node/connect';
import type { DeviceCredentials } from '../../session/node/open';
import type { DeviceLink, PollSession } from '../poller';

export interface LinkOptions {
  connector: DeviceConnector;
  /** How a first-seen host key is answered; default: refused (only keys already trusted). */
  ask?: ConnectAsk;
  pack?: PlatformPack;
  /** Login limit: a poll should not wait the interactive 45 s for a dead device. */
  loginTimeoutMs?: number;
}

/** Polls every few seconds for hours: their transcript would only fill the disk, so it is dropped. */
const discard: TranscriptSink = { location: 'discarded (monitor polls)', write: () => undefined, close: async () => undefined };

/** Credentials are resolved before monitoring starts; a poll never asks for them. */
const pollAsk: ConnectAsk = {
  missing: (what, target) => {
    const device = target.kind === 'ssh' ? target.host : target.path;
    return new AppError('VALIDATION', `No ${what} for ${device}: the monitor cannot ask while polling.`, { message: { key: 'monitor.no-credential', params: { what, device } } });
  },
};

export function deviceLink(target: ConnectTarget, credentials: DeviceCredentials, o: LinkOptions): DeviceLink {
  const loginMs = o.loginTimeoutMs ?? 15_000;
  return {
    open: async (signal: AbortSignal): Promise<PollSession> => {
      const { session } = await o.connector.openWith(
        {
          target,
          ask: o.ask ?? pollAsk,
          signal,
          transcript: discard,
          readyTimeoutMs: loginMs,
          timeouts: { loginMs, idleMs: 5_000 },
          ...(o.pack ? { pack: o.pack } : {}),
        },
        credentials,
      );
      return {
        get prompt() {
          return session.prompt;
        },
        exec: (command, opts) => session.exec(command, opts),
        close: () => session.close(),
      };
    },
  };
}
