import { useEffect, useRef } from 'react';
import type { PendingHostKey } from '../../store/slices/console';
import { useAppTranslation } from '../../i18n';

/**
 * First contact with an SSH host: the fingerprint to compare with the device, as OpenSSH asks.
 * Focus lands on Cancel (the safe answer) so a keyboard user is taken to the question, and Escape
 * cancels, as in the wizard's host-key dialog.
 */
export function HostKeyPrompt({ hostKey, onAccept, onReject }: { hostKey: PendingHostKey; onAccept: () => void; onReject: () => void }) {
  const safe = useRef<HTMLButtonElement>(null);
  const { t } = useAppTranslation();
  useEffect(() => safe.current?.focus(), []);
  const where = hostKey.port === 22 ? hostKey.host : `[${hostKey.host}]:${hostKey.port}`;
  return (
    <section
      className="card warning"
      role="alertdialog"
      aria-label={t('console.hostKey.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onReject();
      }}
    >
      <h2>{t('console.hostKey.title')}</h2>
      <p>{t('console.hostKey.unknown', { host: where, type: hostKey.type })}</p>
      <p>
        <code className="fingerprint">{hostKey.fingerprint}</code>
      </p>
      <p className="muted small">
        {t('console.hostKey.compare')} <code>display public-key local rsa public</code>
        <br />
        {t('console.hostKey.refused')}
      </p>
      <p className="button-row">
        <button type="button" className="primary" onClick={onAccept}>
          {t('console.hostKey.trust')}
        </button>
        <button type="button" ref={safe} onClick={onReject}>
          {t('console.hostKey.cancel')}
        </button>
      </p>
    </section>
  );
}
