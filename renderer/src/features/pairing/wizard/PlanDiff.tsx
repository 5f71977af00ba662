import type { LineVerdict, PlanOutput, PushStage } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { ProbeBadge } from './ProbeBadge';
import { matchVerdicts, type PlanVerdicts } from './probe-match';

/** The stages that add lines, in push order; each is titled by its key under app:wizard.diff. */
const STAGES: PushStage[] = ['channel', 'sync', 'local'];

type DevicePlan = NonNullable<PlanOutput['devices']>['a'];

/**
 * One device's diff: removals first (stage 0), then additions grouped by the stage that pushes
 * them; once the devices were asked, each line with its verdict.
 */
function DeviceDiff({ k, name, plan, verdicts }: { k: 'a' | 'b'; name: string; plan: DevicePlan; verdicts: PlanVerdicts | undefined }) {
  const K = k.toUpperCase();
  // The add lines keep their index in plan.add, which is how their verdicts are found.
  const added = plan.add.map((l, i) => ({ ...l, i }));
  const empty = plan.add.length === 0 && plan.remove.length === 0;
  const { t } = useAppTranslation();
  const counts = { device: K, name, remove: plan.remove.length, add: plan.add.length, unchanged: plan.unchanged };
  return (
    <section className="card plan-device" aria-label={t('wizard.diff.label', { device: K })}>
      <h3>{t(empty ? 'wizard.diff.headingEmpty' : 'wizard.diff.heading', counts)}</h3>
      {plan.remove.length > 0 && (
        <>
          <h4>{t('wizard.diff.removals')}</h4>
          <ul className="diff">
            {plan.remove.map((l, i) => (
              <li key={i} className="diff-remove">
                <span aria-hidden="true">− </span>
                <span className="sr-only">{t('wizard.diff.remove')} </span>
                {l}
                {verdicts && <ProbeBadge verdict={verdicts.remove[i]} note={t('wizard.diff.notAsked')} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {STAGES.map((s) => {
        const lines = added.filter((l) => l.stage === s);
        if (lines.length === 0) return null;
        return (
          <div key={s} data-stage={s}>
            <h4>{t(`wizard.diff.${s}`)}</h4>
            <ul className="diff">
              {lines.map((l) => (
                <li key={l.i} className="diff-add">
                  <span aria-hidden="true">+ </span>
                  <span className="sr-only">{t('wizard.diff.add')} </span>
                  {l.text}
                  {verdicts && <ProbeBadge verdict={verdicts.add[l.i]} note={t(l.stage === 'sync' ? 'wizard.diff.fromPrimary' : 'wizard.diff.notAsked')} />}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** `verdicts`: each device's lines as its `?` help judged them (pair.probe), once asked. */
export function PlanDiff({ plan, names, verdicts }: { plan: NonNullable<PlanOutput['devices']>; names: { a: string; b: string }; verdicts?: Record<'a' | 'b', LineVerdict[]> }) {
  return (
    <div className="two-up">
      <DeviceDiff k="a" name={names.a} plan={plan.a} verdicts={verdicts && matchVerdicts(plan.a, verdicts.a)} />
      <DeviceDiff k="b" name={names.b} plan={plan.b} verdicts={verdicts && matchVerdicts(plan.b, verdicts.b)} />
    </div>
  );
}
