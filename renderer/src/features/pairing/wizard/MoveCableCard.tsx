import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { progressText } from '../../../../../src/i18n/progress';

/** Where B's rollback left it, by the code of core's undo-b step: the card's title must not say "rolled back" when it was not. */
const B_STATE: Readonly<Record<string, string>> = {
  'oneCable.step.undo-b': 'clean',
  'oneCable.step.undo-b-incomplete': 'incomplete',
  'oneCable.step.undo-b-none': 'none',
};

/**
 * What the one-cable run needs from the engineer's hands now: the cable moved (the app sees the
 * port go and come back, or the engineer says so when only the far end moved), a device refused
 * because it is the wrong one, or, after B failed, the cable back on A for A's undo.
 */
export function MoveCableCard() {
  const o = useStore((s) => s.oneCable);
  const { answerOneCable } = useStore.getState();
  const { t, i18n } = useAppTranslation();
  const last = o.steps.at(-1);
  const move = [...o.steps].reverse().find((s) => s.step === 'move-cable');
  const left = [...o.steps].reverse().find((s) => s.step === 'left-on-a');
  // Core's own word on B's rollback: its sentence names the lines that still differ, its code picks the title.
  const undoneB = [...o.steps].reverse().find((s) => s.step === 'undo-b');

  if (o.question === 'undo-a') {
    // The count core names it by; a host without codes says it only in its English sentence.
    const said = left?.params?.count ?? /(\d+) line/.exec(left?.text ?? '')?.[1];
    // ICU's plural counts a number; a count that cannot be read says "its part" rather than guess.
    const lines = typeof said === 'number' || typeof said === 'string' ? Number(said) : NaN;
    const counted = Number.isInteger(lines);
    const b = (undoneB?.code !== undefined && B_STATE[undoneB.code]) || 'unknown';
    return (
      <section className="card move-cable alert" aria-label={t('wizard.oneCable.undoLabel')}>
        <h2>{t('wizard.oneCable.undoTitle', { b, lines: counted ? lines : 0, counted: counted ? 'yes' : 'no' })}</h2>
        {undoneB && <p>{progressText(i18n, undoneB)}</p>}
        <p>{left && progressText(i18n, left)}</p>
        <p>
          <strong>{t('wizard.oneCable.undoStrong')}</strong>
          {t('wizard.oneCable.undoBefore')} <code>hotpair recover</code>
          {t('wizard.oneCable.undoAfter')}
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void answerOneCable('undo-a')}>
            {t('wizard.oneCable.undoA')}
          </button>
          <button type="button" onClick={() => void answerOneCable('keep-a')}>
            {t('wizard.oneCable.keepA')}
          </button>
        </div>
      </section>
    );
  }
  if (o.question !== 'cable' || !move?.to) return null;
  const to = move.to.toUpperCase();
  const refused = last?.step === 'wrong-device' ? progressText(i18n, last) : undefined;
  return (
    <section className="card move-cable" aria-label={t('wizard.oneCable.moveTitle', { device: to })}>
      <h2>{t('wizard.oneCable.moveTitle', { device: to })}</h2>
      <p>{progressText(i18n, move)}</p>
      {refused && (
        <p className="error-text" role="alert">
          {refused}
        </p>
      )}
      <p role="status">{o.portGone ? t('wizard.oneCable.portGone', { device: to }) : t('wizard.oneCable.waitingPort')}</p>
      <p className="muted small">{t('wizard.oneCable.farEnd', { device: to })}</p>
      <button type="button" className="primary" onClick={() => void answerOneCable('cable-moved')}>
        {t('wizard.oneCable.cableOn', { device: to })}
      </button>
    </section>
  );
}
