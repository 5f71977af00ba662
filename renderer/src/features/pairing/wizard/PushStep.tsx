import { useStore } from '../../../store/index';
import { ErrorNote } from '../ErrorNote';
import { LiveConsole } from './LiveConsole';
import { RunSummary } from './RunSummary';

function DeviceProgress({ k }: { k: 'a' | 'b' }) {
  const p = useStore((s) => s.wizard.push.lines[k]);
  const K = k.toUpperCase();
  return (
    <div className="device-progress">
      <label htmlFor={`push-${k}`}>
        Device {K}: {p ? `${p.done}/${p.total}` : 'waiting'}
      </label>
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
  return (
    <section aria-label="Push">
      <section className="card">
        <div className="preview-head">
          <h2>Push</h2>
          {running && (
            <button type="button" className="danger" onClick={() => void cancelPush()} disabled={push.status === 'cancelling'}>
              {push.status === 'cancelling' ? 'Cancelling — rolling back…' : 'Cancel and roll back'}
            </button>
          )}
        </div>
        {push.stage && (
          <p role="status">
            <strong>{push.stage.title}</strong>
            {push.stage.explain ? ` — ${push.stage.explain}` : ''}
          </p>
        )}
        {push.status === 'idle' && <p className="muted">Nothing pushed yet: make a plan first (step 4).</p>}
        <div className="two-up">
          <DeviceProgress k="a" />
          <DeviceProgress k="b" />
        </div>
        <ol className="push-log" aria-label="Push log">
          {push.log.slice(-12).map((m, i) => (
            <li key={`${push.log.length}-${i}`} className={`log-${m.level}`}>
              {m.device ? `[${m.device.toUpperCase()}] ` : ''}
              {m.text}
            </li>
          ))}
        </ol>
      </section>
      {push.result && <RunSummary result={push.result} />}
      {!push.result && push.error && <ErrorNote error={push.error} title="The push did not run." />}
      {push.status === 'failed' && (
        <div className="button-row step-actions">
          <button type="button" onClick={() => goStep('plan')}>
            Back to the plan
          </button>
        </div>
      )}
      <LiveConsole />
    </section>
  );
}
