import { useEffect } from 'react';
import type { DeviceFacts } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { ErrorNote } from '../ErrorNote';
import { FactsTable } from './FactsTable';
import { FactsWarnings } from './FactsWarnings';

/** Step 2: read both devices (started on arrival), then show them side by side with the differences that matter. */
export function DiscoverStep() {
  const disc = useStore((s) => s.wizard.discover);
  const connected = useStore((s) => s.wizard.devices.a.status === 'connected' && s.wizard.devices.b.status === 'connected');
  const { discover, cancelStep, goStep } = useStore.getState();
  const { t } = useAppTranslation();
  useEffect(() => {
    if (connected && disc.status === 'idle') void discover();
  }, [connected, disc.status, discover]);

  const a = disc.facts?.a as DeviceFacts | undefined;
  const b = disc.facts?.b as DeviceFacts | undefined;
  const errors = (disc.mismatches ?? []).filter((m) => m.severity === 'error').length;
  return (
    <section className="card" aria-label={t('wizard.discover.title')}>
      <div className="preview-head">
        <h2>{t('wizard.discover.title')}</h2>
        {disc.status === 'running' ? (
          <>
            <span role="status">{disc.step ?? t('wizard.discover.reading')}</span>
            <button type="button" onClick={() => void cancelStep('discover')}>
              {t('wizard.discover.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void discover()} disabled={!connected}>
            {t('wizard.discover.again')}
          </button>
        )}
      </div>
      {!connected && <p className="muted">{t('wizard.discover.connectFirst')}</p>}
      {disc.error && <ErrorNote error={disc.error} title={t('wizard.discover.failed')} />}
      {disc.status === 'done' && a && b && (
        <>
          <p role="status" className={errors ? 'error-text' : undefined}>
            {disc.mismatches?.length ? t('wizard.discover.differences', { count: disc.mismatches.length, errors }) : t('wizard.discover.noDifferences')}
          </p>
          <FactsTable a={a} b={b} mismatches={disc.mismatches ?? []} />
          <FactsWarnings facts={{ a, b }} />
          <div className="button-row step-actions">
            <button type="button" className="primary" onClick={() => goStep('settings')}>
              {t('wizard.discover.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
