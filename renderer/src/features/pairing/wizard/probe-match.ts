import type { LineVerdict, PlanOutput } from '../../../../../src/contract/index';

type DevicePlan = NonNullable<PlanOutput['devices']>['a'];

/** Each planned line's verdict, by position in `remove` and `add` (undefined: the device was not asked about it). */
export interface PlanVerdicts {
  remove: (LineVerdict | undefined)[];
  add: (LineVerdict | undefined)[];
}

const sameLines = (lines: readonly string[], verdicts: readonly LineVerdict[]) => lines.length === verdicts.length && lines.every((l, i) => verdicts[i]!.line === l);

/**
 * The probe asks each device about exactly the lines it is sent, in push order: removals, then
 * the additions, less the `sync` stage on the device that receives it from the primary. So the
 * verdicts pair with the plan one to one; should they not, each line takes the next verdict of
 * the same text.
 */
export function matchVerdicts(plan: DevicePlan, verdicts: readonly LineVerdict[]): PlanVerdicts {
  const all = [...plan.remove, ...plan.add.map((l) => l.text)];
  if (sameLines(all, verdicts)) return { remove: verdicts.slice(0, plan.remove.length), add: verdicts.slice(plan.remove.length) };
  const sent = plan.add.map((l, i) => ({ l, i })).filter(({ l }) => l.stage !== 'sync');
  if (sameLines([...plan.remove, ...sent.map(({ l }) => l.text)], verdicts)) {
    const add: (LineVerdict | undefined)[] = plan.add.map(() => undefined);
    sent.forEach(({ i }, n) => (add[i] = verdicts[plan.remove.length + n]));
    return { remove: verdicts.slice(0, plan.remove.length), add };
  }
  let from = 0;
  const next = (text: string) => {
    const i = verdicts.findIndex((v, n) => n >= from && v.line === text);
    if (i < 0) return undefined;
    from = i + 1;
    return verdicts[i];
  };
  return { remove: plan.remove.map(next), add: plan.add.map((l) => next(l.text)) };
}
