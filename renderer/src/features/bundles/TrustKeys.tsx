import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from '../pairing/ErrorNote';

/** This machine's public key to hand out, and trusting a creator's key after comparing its fingerprint. */
export function TrustKeys() {
  const keys = useStore((s) => s.keys);
  const pending = useStore((s) => s.pendingKey);
  const error = useStore((s) => s.keyError);
  const load = useStore((s) => s.loadKeys);
  const show = useStore((s) => s.showKey);
  const trust = useStore((s) => s.trustKey);
  const [line, setLine] = useState('');
  const { t } = useAppTranslation();
  useEffect(() => void load(), [load]);

  return (
    <section className="card" aria-label={t('bundles.keys.label')}>
      <h2>{t('bundles.keys.title')}</h2>
      {keys?.own ? (
        <p>
          {t('bundles.keys.own')} <code>{keys.own.fingerprint}</code>
          <br />
          {t('bundles.keys.ownLine')}
          <br />
          <code className="key-line">{keys.own.line}</code>
        </p>
      ) : (
        <p className="muted">{t('bundles.keys.none')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void show(line);
        }}
      >
        <label className="field">
          {t('bundles.keys.creatorKey')}
          <input value={line} onChange={(e) => setLine(e.target.value)} placeholder="hotpair-ed25519 … SHA256:…" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={!line.trim()}>
          {t('bundles.keys.show')}
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          <ErrorLine error={error} />
        </p>
      )}
      {pending && (
        <div role="status" aria-label={t('bundles.keys.fingerprintLabel')}>
          <p>
            {t('bundles.keys.fingerprint')} <code className="fingerprint">{pending.fingerprint}</code> {pending.trusted ? t('bundles.keys.isTrusted') : ''}
          </p>
          {!pending.trusted && (
            <>
              <p className="muted small">{t('bundles.keys.readIt', { command: 'hotpair bundle key list' })}</p>
              <button type="button" onClick={() => void trust()}>
                {t('bundles.keys.trust')}
              </button>
            </>
          )}
        </div>
      )}
      {keys && keys.trusted.length > 0 && (
        <>
          <h3>{t('bundles.keys.trusted')}</h3>
          <ul className="small">
            {keys.trusted.map((fp) => (
              <li key={fp}>
                <code>{fp}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
