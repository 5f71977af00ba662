import { useEffect, useMemo } from 'react';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { probeBlocksPush } from '../../../store/slices/wizard-probe';
import { pairText } from '../../../store/slices/wizard-run';
import { DiagnosticList } from '../DiagnosticList';
import { ErrorNote } from '../ErrorNote';
import { HealthMatrix } from './HealthMatrix';
import { PlanDiff } from './PlanDiff';
import { SyntaxCheck } from './SyntaxCheck';

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
  const probeStatus = useStore((s) => s.wizard.probe.status);
  const verdicts = useStore((s) => (s.wizard.probe.status === 'done' && s.wizard.probe.text === s.wizard.plan.text ? s.wizard.probe.result?.devices : undefined));
  // Two fields, not the object: probeBlocksPush answers with a new one each call.
  const blocked = useStore((s) => probeBlocksPush(s)?.reason);
  const blockedLines = useStore((s) => probeBlocksPush(s)?.count ?? 0);
  const { makePlan, cancelStep, push, checkSyntax } = useStore.getState();
  const names = useNames();
  const { t } = useAppTranslation();
  const stale = plan.status === 'done' && plan.text !== text;
  const pushable = plan.status === 'done' && plan.result?.outcome === 'dry-run' && !stale;
  useEffect(() => {
    if (plan.status === 'idle') void makePlan();
  }, [plan.status, makePlan]);
  // A plan with something to push is checked on the devices at once: Push waits for their verdict.
  useEffect(() => {
    if (pushable && probeStatus === 'idle') void checkSyntax();
  }, [pushable, probeStatus, checkSyntax]);

  const r = plan.status === 'done' ? plan.result : undefined;
  const errors = r?.findings.filter((f) => f.severity === 'error') ?? [];
  return (
    <section aria-label={t('wizard.plan.title')}>
      <div className="preview-head">
        <h2>{t('wizard.plan.title')}</h2>
        {plan.status === 'running' ? (
          <>
            <span role="status">{plan.step ?? t('wizard.plan.planning')}</span>
            <button type="button" onClick={() => void cancelStep('plan')}>
              {t('wizard.plan.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void makePlan()}>
            {t('wizard.plan.again')}
          </button>
        )}
      </div>
      {plan.error && <ErrorNote error={plan.error} title={t('wizard.plan.none')} />}
      {stale && (
        <p className="warn-text" role="alert">
          {t('wizard.plan.stale')}
        </p>
      )}
      {r && (
        <>
          <p role="status" className={r.outcome === 'preflight-failed' ? 'error-text' : undefined}>
            {r.outcome === 'preflight-failed'
              ? t('wizard.plan.preflightFailed', { count: errors.length })
              : r.outcome === 'nothing-to-do'
                ? t('wizard.plan.nothingToDo')
                : t('wizard.plan.review')}
          </p>
          {r.findings.length > 0 && (
            <section className="card" aria-label={t('wizard.plan.findings')}>
              <h3>{t('wizard.plan.findings')}</h3>
              <DiagnosticList diagnostics={r.findings} showPath />
            </section>
          )}
          {r.outcome === 'dry-run' && <SyntaxCheck disabled={!pushable} />}
          {r.devices && <PlanDiff plan={r.devices} names={names} {...(verdicts ? { verdicts: { a: verdicts.a.lines, b: verdicts.b.lines } } : {})} />}
          <section className="card">
            <HealthMatrix checks={r.health} caption={t('wizard.plan.healthBefore')} />
          </section>
          <div className="button-row step-actions">
            <button type="button" className="primary" disabled={!pushable || blocked !== undefined} aria-describedby={blocked && pushable ? 'push-blocked' : undefined} onClick={() => void push()}>
              {t('wizard.plan.push')}
            </button>
            <span className="muted">{t('wizard.plan.pushNote')}</span>
            {blocked && pushable && (
              <span id="push-blocked" className="warn-text push-blocked">
                {t('wizard.plan.disabled', { reason: t(`wizard.plan.blocked.${blocked}`, { count: blockedLines }) })}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
