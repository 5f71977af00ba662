/**
 * DeviceLink for a real device (or the lab): opens a session with the shared opener
 * (src/core/session/node/open.ts: SSH with known hosts checked, console with auto-baud) each time
 * the poller asks — first poll and every reconnect. A monitor that silently accepted a changed
 * host key would report a stranger's health, so the host-key policy is the caller's, unchanged.
 */
import type { TranscriptSink } from '../../channel/transcript';
import type { HostKeyPolicy, KnownHostsStore } from '../../known-hosts';
import { openKnownHosts } from '../../transport/node/known-hosts-file';
import type { ConnectTarget } from '../../model/connect';
import type { PlatformPack } from '../../platforms/pack';
import { type DeviceCredentials, openSession } from '../../session/node/open';
import type { DeviceLink, PollSession } from '../poller';

export interface LinkOptions {
  knownHosts: KnownHostsStore;
  hostKeyPolicy: HostKeyPolicy;
  pack?: PlatformPack;
  /** Login limit: a poll should not wait the interactive 45 s for a dead device. */
  loginTimeoutMs?: number;
}

/** Polls every few seconds for hours: their transcript would only fill the disk, so it is dropped. */
const discard: TranscriptSink = { location: 'discarded (monitor polls)', write: () => undefined, close: async () => undefined };

export function deviceLink(target: ConnectTarget, credentials: DeviceCredentials, o: LinkOptions): DeviceLink {
  const loginMs = o.loginTimeoutMs ?? 15_000;
  return {
    open: async (signal: AbortSignal): Promise<PollSession> => {
      const { session } = await openSession({
        target,
        credentials,
        knownHosts: o.knownHosts,
        hostKeyPolicy: o.hostKeyPolicy,
        transcriptSink: discard,
        signal,
        readyTimeoutMs: loginMs,
        timeouts: { loginMs, idleMs: 5_000 },
        ...(o.pack ? { pack: o.pack } : {}),
      });
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

/**
 * The known-hosts store with host-key checks taken one at a time. The monitor opens hundreds of
 * sessions at once; the store's read-modify-write (and its one temp file per process) would
 * otherwise lose or fail concurrent first-seen keys, and a terminal would get several
 * "are you sure" questions at the same moment.
 */
export function serialisedKnownHosts(path?: string): KnownHostsStore {
  const store = path ? openKnownHosts(path) : openKnownHosts();
  const verify = store.verify.bind(store);
  let chain: Promise<unknown> = Promise.resolve();
  store.verify = (host, port, blob, policy) => {
    const next = chain.then(() => verify(host, port, blob, policy));
    chain = next.catch(() => undefined);
    return next;
  };
  return store;
}
