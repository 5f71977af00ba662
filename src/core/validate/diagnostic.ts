import type { PairFacts } from '../model/facts';
import type { Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about a pair file. `path` names the field in the file ("devices.b.controlChannel.localIp",
 * array items as "vrrp[0].vrid") so the CLI, the editor and the form can point at it; `reason` is
 * the vendor sentence the rule enforces, so the user sees why, not only what.
 */
export interface Diagnostic {
  rule: string;
  path: string;
  severity: Severity;
  message: string;
  fix: string;
  reason?: string;
}

/** What a rule reports; the rule's id, reason and default severity are added by the runner. */
export interface Finding {
  path: string;
  message: string;
  fix: string;
  severity?: Severity;
}

export interface RuleContext {
  pair: Pair;
  facts: PairFacts;
  pack: PlatformPack;
}

export interface Rule {
  id: string;
  /** One line for the rule catalogue (`hotpair validate --list-rules`, the UI's help). */
  summary: string;
  severity: Severity;
  /** The sentence of hot-backup-help.txt this rule enforces, verbatim; absent for house rules. */
  reason?: string;
  check(ctx: RuleContext): Finding[];
}

export { formatPath, parsePath } from '../model/path';

export const rangeText = ([lo, hi]: readonly [number, number]): string => `${lo}–${hi}`;
export const inRange = (v: number, [lo, hi]: readonly [number, number]): boolean => Number.isInteger(v) && v >= lo && v <= hi;
