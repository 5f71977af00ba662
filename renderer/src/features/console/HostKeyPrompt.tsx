import { useEffect, useRef } from 'react';
import type { PendingHostKey } from '../../store/slices/console';

/**
 * First contact with an SSH host: the fingerprint to compare with the device, as OpenSSH asks.
 * Focus lands on Cancel (the safe answer) so a keyboard user is taken to the question, and Escape
 * cancels, as in the wizard's host-key dialog.
 */
export function HostKeyPrompt({ hostKey, onAccept, onReject }: { hostKey: PendingHostKey; onAccept: () => void; onReject: () => void }) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  const where = hostKey.port === 22 ? hostKey.host : `[${hostKey.host}]:${hostKey.port}`;
  return (
    <section
      className="card warning"
      role="alertdialog"
      aria-label="Unknown host key"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onReject();
      }}
    >
      <h2>Is this the device you expect?</h2>
      <p>
        {where} is not a known host. Its {hostKey.type} key fingerprint is:
      </p>
      <p>
        <code className="fingerprint">{hostKey.fingerprint}</code>
      </p>
      <p className="muted small">
        Compare it with the device (<code>display public-key local rsa public</code> on its console) before you trust it. Once trusted, a changed key is refused.
      </p>
      <p className="button-row">
        <button type="button" className="primary" onClick={onAccept}>
          Trust and connect
        </button>
        <button type="button" ref={safe} onClick={onReject}>
          Cancel
        </button>
      </p>
    </section>
  );
}
