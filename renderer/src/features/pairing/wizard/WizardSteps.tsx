import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { WIZARD_STEPS } from '../../../store/wizard-types';
import { stepBlocked } from './gates';

/**
 * The step bar: each step a button, the current one marked, unavailable ones saying why (title).
 * With one console cable, step 1 is the whole A-then-B run, and the bar says so.
 */
export function WizardSteps() {
  const current = useStore((s) => s.wizard.step);
  const blocked = useStore((s) => WIZARD_STEPS.map((st) => stepBlocked(s, st.id) ?? '').join('|'));
  const oneCable = useStore((s) => s.oneCable.on);
  const reasons = blocked.split('|');
  const goStep = useStore((s) => s.goStep);
  const { t } = useAppTranslation();
  return (
    <nav aria-label={t('wizard.steps.label')}>
      <ol className="steps wizard-steps">
        {WIZARD_STEPS.map((st, i) => (
          <li key={st.id}>
            <button
              type="button"
              aria-current={current === st.id ? 'step' : undefined}
              disabled={reasons[i] !== ''}
              title={reasons[i] ? t('wizard.steps.notYet', { reason: t(`wizard.steps.blocked.${reasons[i]}`) }) : undefined}
              onClick={() => goStep(st.id)}
            >
              {i + 1}. {t(`wizard.steps.${st.id === 'connect' && oneCable ? 'connectOneCable' : st.id}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
