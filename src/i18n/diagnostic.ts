import type { i18n } from 'i18next';
import type { MessageParams as CoreParams } from '../core/base/message';
import { coreTranslator } from './core';
import type { MessageParams } from './params';
import { format } from './create';

/** The fields of a diagnostic the edge formats: the core's and the contract's shape alike. */
export interface DiagnosticLike {
  rule: string;
  code?: string;
  /** A rule's strings, numbers and string lists; a load problem's may also hold sub-messages. */
  params?: CoreParams;
  severity: string;
  message: string;
  fix?: string;
  reason?: string;
}

export interface DiagnosticText {
  severity: string;
  message: string;
  fix: string | undefined;
  /** The vendor's sentence, never translated: it is a quotation. */
  reason: string | undefined;
}

/**
 * A pair file that does not load (syntax, unknown key, wrong type …) is reported with core's load
 * messages: the code is a message of the core catalogue itself, and its fix another, named by the
 * `fixCode` param, since which fix applies depends on the problem (what the field expects, or
 * where the syntax broke) rather than on the code alone.
 */
const LOAD_PREFIX = 'load.';

/**
 * A diagnostic in the instance's language, from its code and params. One without a code or with a
 * code this build's catalogue lacks (a newer host) shows its own English text.
 */
export function diagnosticText(i: i18n, d: DiagnosticLike): DiagnosticText {
  const severity = i.exists(`common:severity.${d.severity}`) ? i.t(`common:severity.${d.severity}`) : d.severity;
  if (d.code?.startsWith(LOAD_PREFIX)) return { severity, ...loadText(i, d), reason: d.reason };
  const key = d.code === undefined ? undefined : `validate:finding.${d.code}`;
  const known = key !== undefined && i.exists(`${key}.message`);
  const lng = i.language;
  // A rule's params are values only (src/core/validate's DiagnosticParams): no sub-messages to say.
  const params = d.params as MessageParams | undefined;
  return {
    severity,
    message: known ? format(i.t, lng, `${key}.message`, params) : d.message,
    fix: known ? format(i.t, lng, `${key}.fix`, params) : d.fix,
    reason: d.reason,
  };
}

function loadText(i: i18n, d: DiagnosticLike): { message: string; fix: string | undefined } {
  const tr = coreTranslator(i);
  const fixCode = d.params?.fixCode;
  return {
    message: tr.text(d.code!, d.params, d.message),
    fix: typeof fixCode === 'string' ? tr.text(fixCode, d.params, d.fix ?? '') : d.fix,
  };
}

/** A rule's one-line summary in the instance's language (English from the rule when the catalogue lacks it). */
export function ruleSummary(i: i18n, rule: { id: string; summary: string }): string {
  const key = `validate:rule.${rule.id}.summary`;
  return i.exists(key) ? i.t(key) : rule.summary;
}
