import { FORCE_REASON_MAX } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { syntaxConfirmed } from '../../../store/slices/wizard-probe';
import { ErrorNote } from '../ErrorNote';
import './probe.css';

/**
 * The devices' own `?` help on every planned line: progress while they are asked, how many they
 * did not confirm, and the "Push anyway" override whose reason goes into the journal.
 */
export function SyntaxCheck({ disabled }: { disabled: boolean }) {
  const probe = useStore((s) => s.wizard.probe);
  const confirmed = useStore(syntaxConfirmed);
  const { checkSyntax, cancelStep, setProbeOverride } = useStore.getState();
  const running = probe.status === 'running';
  const lines = probe.result ? (['a', 'b'] as const).flatMap((k) => probe.result!.devices[k].lines) : [];
  const bad = lines.filter((l) => l.status !== 'confirmed').length;
  const { t } = useAppTranslation();
  const canOverride = !confirmed && (probe.status === 'failed' || (probe.status === 'done' && bad > 0));
  return (
    <section className="card probe-check" aria-label={t('wizard.probe.title')}>
      <div className="preview-head">
        <h3>{t('wizard.probe.title')}</h3>
        {running ? (
          <button type="button" onClick={() => void cancelStep('probe')}>
            {t('wizard.probe.cancel')}
          </button>
        ) : (
          <button type="button" disabled={disabled} onClick={() => void checkSyntax()}>
            {t(probe.status === 'idle' ? 'wizard.probe.check' : 'wizard.probe.again')}
          </button>
        )}
      </div>
      <p role="status" className={`probe-summary ${probe.status === 'done' && bad > 0 ? 'error-text' : ''}`}>
        {running
          ? `${t('wizard.probe.asking')} ${probe.step ?? ''}`
          : probe.status === 'done'
            ? bad === 0
              ? t('wizard.probe.allConfirmed', { count: lines.length })
              : t('wizard.probe.someNot', { bad, count: lines.length })
            : probe.status === 'failed'
              ? t('wizard.probe.failed')
              : t('wizard.probe.idle')}
      </p>
      {probe.status === 'failed' && probe.error && <ErrorNote error={probe.error} title={t('wizard.probe.noVerdict')} />}
      {canOverride && (
        <fieldset className="probe-override">
          <legend>{t('wizard.probe.override')}</legend>
          <label>
            <input type="checkbox" checked={probe.override.on} onChange={(e) => setProbeOverride({ on: e.target.checked })} /> {t('wizard.probe.overrideTick')}
          </label>
          <label>
            {t('wizard.probe.reason')}
            <textarea
              rows={2}
              maxLength={FORCE_REASON_MAX}
              required={probe.override.on}
              disabled={!probe.override.on}
              value={probe.override.reason}
              onChange={(e) => setProbeOverride({ reason: e.target.value })}
              placeholder={t('wizard.probe.reasonPlaceholder')}
            />
          </label>
        </fieldset>
      )}
    </section>
  );
}
