import type { ApplyOutput } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { ErrorNote } from '../ErrorNote';
import { ProbeOutcome } from './ProbeOutcome';

/** How a run ended: the outcome, the error with its fix, and where each device stands after a rollback. */
export function RunSummary({ result }: { result: ApplyOutput }) {
  const ok = result.outcome === 'success' || result.outcome === 'nothing-to-do';
  const { t } = useAppTranslation();
  return (
    <section className={`card run-summary ${ok ? 'ok' : 'failed'}`} aria-label={t('wizard.result.label')}>
      <p role="status">
        <strong>{t(`wizard.result.says.${result.outcome}`)}</strong> {t('wizard.result.applied', { a: result.applied.a, b: result.applied.b })}
      </p>
      {result.error && !ok && <ErrorNote error={result.error} />}
      <ProbeOutcome probe={result.probe} />
      {result.rollback && (
        <ul className="rollback">
          {(['a', 'b'] as const).map((k) => {
            const d = result.rollback![k];
            return (
              <li key={k}>
                <strong>{t('wizard.result.deviceLabel', { device: k.toUpperCase() })}</strong>{' '}
                {d.unreachable ? (
                  <>
                    {t('wizard.result.notRolledBack', { reason: d.unreachable.reason })}
                    {d.unreachable.revertsAt && t('wizard.result.revertsAt', { time: d.unreachable.revertsAt })}
                  </>
                ) : d.differences.length === 0 ? (
                  t('wizard.result.undone', { typed: d.typed })
                ) : (
                  t('wizard.result.differs', { count: d.differences.length })
                )}
                {d.differences.length > 0 && <pre className="script">{d.differences.join('\n')}</pre>}
                {d.errors.map((e) => (
                  <div key={e} className="error-text">
                    {t('wizard.result.refused', { line: e })}
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {result.journal && (
        <p className="muted small">
          {t('wizard.result.journal')} <code>{result.journal}</code>
        </p>
      )}
    </section>
  );
}
