import { useStore } from '../../../store/index';
import { WIZARD_STEPS } from '../../../store/wizard-types';
import { stepBlocked } from './gates';

/** The step bar: each step a button, the current one marked, unavailable ones saying why (title). */
export function WizardSteps() {
  const current = useStore((s) => s.wizard.step);
  const blocked = useStore((s) => WIZARD_STEPS.map((st) => stepBlocked(s, st.id) ?? '').join('|'));
  const reasons = blocked.split('|');
  const goStep = useStore((s) => s.goStep);
  return (
    <nav aria-label="Wizard steps">
      <ol className="steps wizard-steps">
        {WIZARD_STEPS.map((st, i) => (
          <li key={st.id}>
            <button
              type="button"
              aria-current={current === st.id ? 'step' : undefined}
              disabled={reasons[i] !== ''}
              title={reasons[i] ? `Not yet: ${reasons[i]}` : undefined}
              onClick={() => goStep(st.id)}
            >
              {i + 1}. {st.label}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
