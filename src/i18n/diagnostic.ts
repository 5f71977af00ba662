import type { i18n } from 'i18next';
import type { MessageParams } from './params';
import { format } from './create';

/** The fields of a diagnostic the edge formats: the core's and the contract's shape alike. */
export interface DiagnosticLike {
  rule: string;
  code?: string;
  params?: MessageParams;
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
 * A diagnostic in the instance's language, from its code and params. One without a code (a parse
 * error) or with a code this build's catalogue lacks (a newer host) shows its own English text.
 */
export function diagnosticText(i: i18n, d: DiagnosticLike): DiagnosticText {
  const key = d.code === undefined ? undefined : `validate:finding.${d.code}`;
  const known = key !== undefined && i.exists(`${key}.message`);
  const lng = i.language;
  return {
    severity: i.exists(`common:severity.${d.severity}`) ? i.t(`common:severity.${d.severity}`) : d.severity,
    message: known ? format(i.t, lng, `${key}.message`, d.params) : d.message,
    fix: known ? format(i.t, lng, `${key}.fix`, d.params) : d.fix,
    reason: d.reason,
  };
}

/** A rule's one-line summary in the instance's language (English from the rule when the catalogue lacks it). */
export function ruleSummary(i: i18n, rule: { id: string; summary: string }): string {
  const key = `validate:rule.${rule.id}.summary`;
  return i.exists(key) ? i.t(key) : rule.summary;
}
