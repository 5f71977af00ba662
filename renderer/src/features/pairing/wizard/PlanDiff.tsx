import type { PlanOutput, PushStage } from '../../../../../src/contract/index';

const STAGES: { id: PushStage; title: string }[] = [
  { id: 'channel', title: 'Stage 1 — control channel' },
  { id: 'sync', title: 'Stage 2 — synchronised from the primary' },
  { id: 'local', title: 'Stage 3 — per device' },
];

type DevicePlan = NonNullable<PlanOutput['devices']>['a'];

/** One device's diff: removals first (stage 0), then additions grouped by the stage that pushes them. */
function DeviceDiff({ k, name, plan }: { k: 'a' | 'b'; name: string; plan: DevicePlan }) {
  const K = k.toUpperCase();
  const empty = plan.add.length === 0 && plan.remove.length === 0;
  return (
    <section className="card plan-device" aria-label={`Plan for device ${K}`}>
      <h3>
        Device {K} ({name}): {empty ? 'nothing to do' : `${plan.remove.length} to remove, ${plan.add.length} to add`}, {plan.unchanged} already in place
      </h3>
      {plan.remove.length > 0 && (
        <>
          <h4>Stage 0 — removals</h4>
          <ul className="diff">
            {plan.remove.map((l, i) => (
              <li key={i} className="diff-remove">
                <span aria-hidden="true">− </span>
                <span className="sr-only">remove </span>
                {l}
              </li>
            ))}
          </ul>
        </>
      )}
      {STAGES.map((s) => {
        const lines = plan.add.filter((l) => l.stage === s.id);
        if (lines.length === 0) return null;
        return (
          <div key={s.id} data-stage={s.id}>
            <h4>{s.title}</h4>
            <ul className="diff">
              {lines.map((l, i) => (
                <li key={i} className="diff-add">
                  <span aria-hidden="true">+ </span>
                  <span className="sr-only">add </span>
                  {l.text}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

export function PlanDiff({ plan, names }: { plan: NonNullable<PlanOutput['devices']>; names: { a: string; b: string } }) {
  return (
    <div className="two-up">
      <DeviceDiff k="a" name={names.a} plan={plan.a} />
      <DeviceDiff k="b" name={names.b} plan={plan.b} />
    </div>
  );
}
