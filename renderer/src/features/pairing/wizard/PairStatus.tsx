import { errorText } from '../../../../../src/i18n/core-text';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { selectEditor } from '../../../store/selectors';

/** The pair file's verdict, on every step: how many errors, and which rules were run. */
export function PairStatus() {
  const { diagnostics, checked, validating, error } = useStore(selectEditor);
  const { t, i18n } = useAppTranslation();
  if (error)
    return (
      <p className="status error-text" role="alert">
        {errorText(i18n, error).message}
      </p>
    );
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <p className="status" role="status" aria-live="polite">
      {validating ? `${t('wizard.status.checking')} ` : ''}
      {t('wizard.status.errors', { count: errors })}
      {warnings > 0 ? t('wizard.status.warnings', { count: warnings }) : ''}
      {checked ? t(`wizard.status.${checked}`) : ''}
    </p>
  );
}
