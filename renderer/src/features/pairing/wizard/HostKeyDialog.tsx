import { useEffect, useRef } from 'react';
import { useAppTranslation } from '../../../i18n';
import type { PendingHostKey } from '../../../store/wizard-types';

/**
 * First contact with an SSH device: show the key's SHA256 fingerprint and let the user accept it
 * only after comparing it with the device. Focus starts on "Don't connect" (the safe answer);
 * Escape declines.
 */
export function HostKeyDialog({ device, hostKey, onAccept, onDecline }: { device: string; hostKey: PendingHostKey; onAccept: () => void; onDecline: () => void }) {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  const { t } = useAppTranslation();
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
        <h2 id={`hk-${device}-title`}>{t('wizard.hostKey.title', { device })}</h2>
        <p>
          <strong>{where}</strong> {t('wizard.hostKey.unknown', { type: hostKey.type })}
        </p>
        <p className="fingerprint">
          <code aria-label={t('wizard.hostKey.fingerprint')}>{hostKey.fingerprint}</code>
        </p>
        <p className="muted">
          {t('wizard.hostKey.compareBefore')}
          <code>display public-key local rsa public</code>
          {t('wizard.hostKey.compareAfter')}
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={onAccept}>
            {t('wizard.hostKey.accept')}
          </button>
          <button type="button" ref={safe} onClick={onDecline}>
            {t('wizard.hostKey.decline')}
          </button>
        </div>
      </div>
    </div>
  );
}
