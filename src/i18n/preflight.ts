import type { i18n } from 'i18next';
import type { MessageParams as CoreParams } from '../core/base/message';
import { coreTranslator } from './core';
import { diagnosticText, type DiagnosticLike, type DiagnosticText } from './diagnostic';

/**
 * A preflight finding in an instance's language: the checks on discovered facts carry codes of the
 * core catalogue (`<code>.message`, `<code>.fix`); the pair-file rules among them are the validator's.
 */
export function preflightText(i: i18n, d: DiagnosticLike): DiagnosticText {
  const base = diagnosticText(i, d);
  if (d.code === undefined || !d.code.startsWith('preflight.')) return base;
  const tr = coreTranslator(i);
  // A diagnostic's params are strings, numbers and string lists: a subset of core's message params.
  const params = d.params as CoreParams | undefined;
  return { ...base, message: tr.text(`${d.code}.message`, params, d.message), fix: d.fix === undefined ? undefined : tr.text(`${d.code}.fix`, params, d.fix) };
}
