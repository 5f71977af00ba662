import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { selectEditor } from '../../../store/selectors';
import { PairForm } from '../PairForm';
import { ScriptPreview } from '../ScriptPreview';

/** Step 3: the hot-backup form with live validation beside each field, and both devices' scripts. */
export function SettingsStep() {
  const { valid, validating } = useStore(selectEditor);
  const goStep = useStore((s) => s.goStep);
  const { t } = useAppTranslation();
  return (
    <>
      <div className="pairing-grid">
        <PairForm />
        <ScriptPreview />
      </div>
      <div className="button-row step-actions">
        <button type="button" className="primary" disabled={!valid || validating} onClick={() => goStep('plan')}>
          {t('wizard.settings.next')}
        </button>
        {valid === false && <span className="muted">{t('wizard.settings.fixErrors')}</span>}
      </div>
    </>
  );
}
