import type { PairFacts } from '../model/facts';
import type { Pair } from '../model/pair';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { channelRules } from './channel';
import { collaborationRules } from './collaboration';
import type { Diagnostic, Rule } from './diagnostic';
import { environmentRules } from './environment';
import { interfaceRules } from './interfaces';
import { mirroringRules } from './mirroring';
import { monitorRules } from './monitor';
import { optionRules } from './options';
import { roleRules } from './roles';
import { vrrpRules } from './vrrp';

export type { Diagnostic, DiagnosticParams, Finding, Rule, RuleContext, Severity } from './diagnostic';
export { formatPath, parsePath } from './diagnostic';

/** Every rule, in report order: channel first (nothing works without it), then roles, modes, collaborations, options. */
export const RULES: readonly Rule[] = [
  ...channelRules,
  ...roleRules,
  ...mirroringRules,
  ...collaborationRules,
  ...monitorRules,
  ...vrrpRules,
  ...interfaceRules,
  ...optionRules,
  ...environmentRules,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** The code of a rule that threw: one message for every rule, since what failed is not the rule's finding. */
export const UNCHECKED_CODE = 'rule.unchecked';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Check a parsed pair against every rule of the vendor's restrictions (and a few house rules) and
 * report all findings at once. Never throws: a rule that fails on odd input reports itself as an
 * error instead, so the UI's live validation keeps working. Rules that need discovery facts stay
 * silent without them.
 */
export function validatePair(pair: Pair, facts: PairFacts = {}, pack: PlatformPack = comware7): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    let findings;
    try {
      findings = rule.check({ pair, facts, pack });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      out.push({ rule: rule.id, code: UNCHECKED_CODE, params: { error }, path: '', severity: 'error', message: `the rule could not be checked: ${error}`, fix: 'correct the fields this rule reads; please report this as a HotPair bug' });
      continue;
    }
    for (const f of findings) {
      const d: Diagnostic = { rule: rule.id, code: `${rule.id}.${f.key}`, params: f.params ?? {}, path: f.path, severity: f.severity ?? rule.severity, message: f.message, fix: f.fix };
      if (rule.reason !== undefined) d.reason = rule.reason;
      out.push(d);
    }
  }
  // Stable sort: errors before warnings before info, rule order within a severity.
  return out.sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
