import { useEffect, useRef } from 'react';
import type { PendingHostKey } from '../../../store/wizard-types';

/**
 * First contact with an SSH device: show the key's SHA256 fingerprint and let the user accept it
 * only after comparing it with the device. Focus starts on "Don't connect" (the safe answer);
 * Escape declines.
 */
export function HostKeyDialog({ device, hostKey, onAccept, onDecline }: { device: string; hostKey: PendingHostKey; onAccept: () => void; onDecline: () => void }) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  const where = hostKey.port === 22 ? hostKey.host : `[${hostKey.host}]:${hostKey.port}`;
  return (
    <div className="modal-backdrop">
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`hk-${device}-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDecline();
        }}
      >
        <h2 id={`hk-${device}-title`}>Is this device {device}?</h2>
        <p>
          <strong>{where}</strong> is not a known host yet. It presents this {hostKey.type} key:
        </p>
        <p className="fingerprint">
          <code aria-label="Host key fingerprint">{hostKey.fingerprint}</code>
        </p>
        <p className="muted">
          Compare it with the device itself (<code>display public-key local rsa public</code> on its console, or its installer&apos;s label). Accept only if they match: the key
          is then recorded, and a different key later is refused.
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={onAccept}>
            The fingerprint matches — accept and connect
          </button>
          <button type="button" ref={safe} onClick={onDecline}>
            Don&apos;t connect
          </button>
        </div>
      </div>
    </div>
  );
}
