import { stageText } from '../../../../../src/i18n/core-text';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { ErrorNote } from '../ErrorNote';
import { progressText } from '../../../../../src/i18n/progress';
import { LiveConsole } from './LiveConsole';
import { RunSummary } from './RunSummary';

function DeviceProgress({ k }: { k: 'a' | 'b' }) {
  const p = useStore((s) => s.wizard.push.lines[k]);
  const K = k.toUpperCase();
  const { t } = useAppTranslation();
  return (
    <div className="device-progress">
      <label htmlFor={`push-${k}`}>{p ? t('wizard.push.progress', { device: K, done: p.done, total: p.total }) : t('wizard.push.waiting', { device: K })}</label>
      <progress id={`push-${k}`} max={p?.total ?? 1} value={p?.done ?? 0} />
      <code className="current-line" aria-live="off">
        {p?.line ?? ''}
      </code>
    </div>
  );
}

/** Step 5: the push with the stage explained, per-line progress on both devices, the live console and Cancel. */
export function PushStep() {
  const push = useStore((s) => s.wizard.push);
  const { cancelPush, goStep } = useStore.getState();
  const running = push.status === 'running' || push.status === 'cancelling';
  const { t, i18n } = useAppTranslation();
  // The stage by its name in the user's language; the host's English when the name is not core's.
  const stage = push.stage && (i18n.exists(`core:stage.${push.stage.name}.title`) ? stageText(i18n, push.stage.name as Parameters<typeof stageText>[1]) : push.stage);
  return (
    <section aria-label={t('wizard.push.title')}>
      <section className="card">
        <div className="preview-head">
          <h2>{t('wizard.push.title')}</h2>
          {running && (
            <button type="button" className="danger" onClick={() => void cancelPush()} disabled={push.status === 'cancelling'}>
              {t(push.status === 'cancelling' ? 'wizard.push.cancelling' : 'wizard.push.cancel')}
            </button>
          )}
        </div>
        {stage && (
          <p role="status">
            <strong>{stage.title}</strong>
            {stage.explain && <> — {stage.explain}</>}
          </p>
        )}
        {push.status === 'idle' && <p className="muted">{t('wizard.push.idle')}</p>}
        <div className="two-up">
          <DeviceProgress k="a" />
          <DeviceProgress k="b" />
        </div>
        <ol className="push-log" aria-label={t('wizard.push.log')}>
          {push.log.slice(-12).map((m, i) => (
            <li key={`${push.log.length}-${i}`} className={`log-${m.level}`}>
              {m.device ? `[${m.device.toUpperCase()}] ` : ''}
              {progressText(i18n, m)}
            </li>
          ))}
        </ol>
      </section>
      {push.result && <RunSummary result={push.result} />}
      {!push.result && push.error && <ErrorNote error={push.error} title={t('wizard.push.didNotRun')} />}
      {push.status === 'failed' && (
        <div className="button-row step-actions">
          <button type="button" onClick={() => goStep('plan')}>
            {t('wizard.push.backToPlan')}
          </button>
        </div>
      )}
      <LiveConsole />
    </section>
  );
}
