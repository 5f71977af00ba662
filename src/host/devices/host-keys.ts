import { AppError, isAppError } from '../../core/base/errors';
import { fingerprint, fromBase64, hostPattern, type KnownHostsStore } from '../../core/known-hosts';
import { sha256 } from '../../core/transport/node/known-hosts-file';

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
      message: acceptHostKey
        ? { key: 'error.host-key-unknown.app-differs', params: { where, presented, confirmed: acceptHostKey } }
        : { key: 'error.host-key-unknown.app', params: { where, type: String(d.type ?? ''), fingerprint: presented } },
    });
  }
  if (e.code === 'HOST_KEY_MISMATCH') {
    return new AppError('HOST_KEY_MISMATCH', e.message, {
      fix: `Do not connect until you know why. If the device was replaced or re-keyed, remove ${where} from the known hosts (Settings, or ${store.location}) and connect again to confirm the new key.`,
      details: d,
      ...(e.said ? { message: { key: 'error.host-key-mismatch.app', params: { ...e.said.params, where, location: store.location } } } : {}),
    });
  }
  return e;
}
