import { AppError, isAppError } from '../../core/base/errors';
import { fingerprint, fromBase64, hostPattern, type HostKeyPolicy, type KnownHostsStore } from '../../core/known-hosts';
import { openKnownHosts, sha256 } from '../../core/transport/node/known-hosts-file';

/**
 * One known-hosts store for the host. Devices A and B are often connected at once on first
 * contact: two concurrent `add`s would race on the file's temporary copy and lose a key, so
 * adds run one after the other (as the CLI's session factory does).
 */
export function hostKeyStore(file?: string): KnownHostsStore {
  const store = file ? openKnownHosts(file) : openKnownHosts();
  let queue: Promise<unknown> = Promise.resolve();
  const add = store.add.bind(store);
  store.add = (...args) => {
    const next = queue.then(() => add(...args));
    queue = next.catch(() => undefined);
    return next;
  };
  return store;
}

/** Accept a first-seen key only when it is exactly the one the user confirmed in the dialog. */
export function policyFor(acceptHostKey: string | undefined): HostKeyPolicy {
  return acceptHostKey ? { confirmNew: async ({ fingerprint: fp }) => fp === acceptHostKey } : {};
}

export async function knownFingerprint(store: KnownHostsStore, host: string, port: number): Promise<string | undefined> {
  const k = await store.lookup(host, port);
  const blob = k && fromBase64(k.base64);
  return blob ? fingerprint(blob, sha256) : undefined;
}

/** Core's host-key errors say what to do on a command line; in the app the user acts in a dialog or in Settings. */
export function forTheApp(e: unknown, acceptHostKey: string | undefined, store: KnownHostsStore): unknown {
  if (!isAppError(e)) return e;
  const d = e.details ?? {};
  const where = typeof d.host === 'string' && typeof d.port === 'number' ? hostPattern(d.host, d.port) : 'the device';
  if (e.code === 'HOST_KEY_UNKNOWN') {
    const presented = String(d.fingerprint ?? '');
    const message = acceptHostKey
      ? `${where} presented a different key (${presented}) from the one you confirmed (${acceptHostKey}); nothing was recorded.`
      : `${where} is not a known host yet. Its ${String(d.type ?? '')} key fingerprint is ${presented}.`;
    return new AppError('HOST_KEY_UNKNOWN', message, {
      fix: 'Compare the fingerprint with the one the device shows (display public-key local rsa public, or the label from its installer); accept it only if they match.',
      details: d,
    });
  }
  if (e.code === 'HOST_KEY_MISMATCH') {
    return new AppError('HOST_KEY_MISMATCH', e.message, {
      fix: `Do not connect until you know why. If the device was replaced or re-keyed, remove ${where} from the known hosts (Settings, or ${store.location}) and connect again to confirm the new key.`,
      details: d,
    });
  }
  return e;
}
