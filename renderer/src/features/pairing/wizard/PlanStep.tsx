import { useEffect, useMemo } from 'react';
import { useStore } from '../../../store/index';
import { pairText } from '../../../store/slices/wizard-run';
import { DiagnosticList } from '../DiagnosticList';
import { ErrorNote } from '../ErrorNote';
import { HealthMatrix } from './HealthMatrix';
import { PlanDiff } from './PlanDiff';

/** Sysnames for headings, from the pair being edited. */
function useNames() {
  const doc = useStore((s) => s.editor.doc);
  return useMemo(() => {
    const d = doc?.devices as Record<string, { sysname?: unknown }> | undefined;
    return { a: String(d?.a?.sysname ?? 'A'), b: String(d?.b?.sysname ?? 'B') };
  }, [doc]);
}

/** Step 4: preflight with the devices' facts, the health matrix, and each device's diff by stage. */
export function PlanStep() {
  const plan = useStore((s) => s.wizard.plan);
  const text = useStore(pairText);
  const { makePlan, cancelStep, push } = useStore.getState();
  const names = useNames();
  const stale = plan.status === 'done' && plan.text !== text;
  useEffect(() => {
    if (plan.status === 'idle') void makePlan();
  }, [plan.status, makePlan]);

  const r = plan.status === 'done' ? plan.result : undefined;
  const errors = r?.findings.filter((f) => f.severity === 'error') ?? [];
  return (
    <section aria-label="Plan">
      <div className="preview-head">
        <h2>Plan</h2>
        {plan.status === 'running' ? (
          <>
            <span role="status">{plan.step ?? 'Planning…'}</span>
            <button type="button" onClick={() => void cancelStep('plan')}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void makePlan()}>
            Plan again
          </button>
        )}
      </div>
      {plan.error && <ErrorNote error={plan.error} title="No plan." />}
      {stale && (
        <p className="warn-text" role="alert">
          The settings changed after this plan was made. Plan again before pushing.
        </p>
      )}
      {r && (
        <>
          <p role="status" className={r.outcome === 'preflight-failed' ? 'error-text' : undefined}>
            {r.outcome === 'preflight-failed'
              ? `Preflight found ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing can be pushed until they are fixed (step 3).`
              : r.outcome === 'nothing-to-do'
                ? 'Nothing to do: both devices already match the pair file.'
                : 'Review what will change on each device, then push.'}
          </p>
          {r.findings.length > 0 && (
            <section className="card" aria-label="Preflight findings">
              <h3>Preflight findings</h3>
              <DiagnosticList diagnostics={r.findings} showPath />
            </section>
          )}
          {r.devices && <PlanDiff plan={r.devices} names={names} />}
          <section className="card">
            <HealthMatrix checks={r.health} caption="Pair health before the push" />
          </section>
          <div className="button-row step-actions">
            <button type="button" className="primary" disabled={r.outcome !== 'dry-run' || stale} onClick={() => void push()}>
              Push to both devices
            </button>
            <span className="muted">Pushed in stages under a commit delay; any failure or Cancel rolls both back.</span>
          </div>
        </>
      )}
    </section>
  );
}
