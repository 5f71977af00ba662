import type { PairFacts } from '../model/facts';
import type { Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a finding's sentence is made of, so the CLI and the UI can say it in the user's language:
 * strings are shown as they are (file values, interface names, addresses), string lists are joined
 * the target language's way. Numbers only for counts, which plural rules choose by.
 */
export type DiagnosticParams = Record<string, string | number | string[]>;

/**
 * One finding about a pair file. `path` names the field in the file ("devices.b.controlChannel.localIp",
 * array items as "vrrp[0].vrid") so the CLI, the editor and the form can point at it; `reason` is
 * the vendor sentence the rule enforces, so the user sees why, not only what.
 */
export interface Diagnostic {
  rule: string;
  /**
   * The finding's message id ("channel.local-ne-peer.same-ip"), with `params` what the catalogue
   * formats it from; `message` and `fix` are its English rendering, kept for readers of older output.
   * Absent only on diagnostics that come from elsewhere than a rule (parse errors).
   */
  code?: string;
  params?: DiagnosticParams;
  path: string;
  severity: Severity;
  message: string;
  fix: string;
  reason?: string;
}

/**
 * What a rule reports; the rule's id, reason and default severity are added by the runner. `key`
 * names the finding within its rule: the diagnostic's code is `<rule id>.<key>`.
 */
export interface Finding {
  path: string;
  key: string;
  params?: DiagnosticParams;
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

/** English "a and b", "a, b, and c": what the catalogue's list formatting gives for English too. */
export const andList = (xs: readonly string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(xs);

export const rangeText = ([lo, hi]: readonly [number, number]): string => `${lo}–${hi}`;
export const inRange = (v: number, [lo, hi]: readonly [number, number]): boolean => Number.isInteger(v) && v >= lo && v <= hi;
