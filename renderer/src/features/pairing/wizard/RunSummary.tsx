import type { ApplyOutput } from '../../../../../src/contract/index';
import { differenceText, rollbackErrorText } from '../../../../../src/core/provision/format';
import { differenceMessage, rollbackErrorMessage } from '../../../../../src/core/provision/rollback-text';
import { coreTranslator } from '../../../../../src/i18n/core';
import { saidText } from '../../../../../src/i18n/progress';
import { useAppTranslation } from '../../../i18n';
import { ErrorNote } from '../ErrorNote';
import { ProbeOutcome } from './ProbeOutcome';

type DeviceRollback = NonNullable<ApplyOutput['rollback']>['a'];

/** Where one device stands after the rollback: HotPair's words in the reader's language, the device's lines as a script. */
function RollbackItem({ device, d }: { device: string; d: DeviceRollback }) {
  const { t, i18n } = useAppTranslation();
  const tr = coreTranslator(i18n);
  const placeholders = d.differences.filter((l) => differenceMessage(l) !== undefined);
  const lines = d.differences.filter((l) => differenceMessage(l) === undefined);
  return (
    <li>
      <strong>{t('wizard.result.deviceLabel', { device })}</strong>{' '}
      {d.unreachable ? (
        <>
          {t('wizard.result.notRolledBack', { reason: saidText(i18n, d.unreachable.reasonSaid, d.unreachable.reason) })}
          {d.unreachable.revertsAt && t('wizard.result.revertsAt', { time: d.unreachable.revertsAt })}
        </>
      ) : d.differences.length === 0 ? (
        t('wizard.result.undone', { typed: d.typed })
      ) : (
        t('wizard.result.differs', { count: d.differences.length })
      )}
      {placeholders.map((l) => (
        <p key={l} className="muted">
          {differenceText(l, tr)}
        </p>
      ))}
      {lines.length > 0 && <pre className="script">{lines.join('\n')}</pre>}
      {d.errors.map((e, i) => (
        <div key={`${i}:${e}`} className="error-text">
          {rollbackErrorMessage(d, i) ? rollbackErrorText(d, i, tr) : t('wizard.result.refused', { line: e })}
        </div>
      ))}
    </li>
  );
}

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
          {(['a', 'b'] as const).map((k) => (
            <RollbackItem key={k} device={k.toUpperCase()} d={result.rollback![k]} />
          ))}
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
