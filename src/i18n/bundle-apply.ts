import type { i18n } from 'i18next';
import type { ErrorInfo } from '../core/base/errors';
import type { Message } from '../core/base/message';
import { coreTranslator } from './core';
import { errorText } from './core-text';
import type { DiagnosticLike } from './diagnostic';
import { preflightText } from './preflight';

/** What bundles.apply answers: its English sentence, and the same in parts when the host sent them. */
export interface ApplyOutcomeLike {
  message: string;
  said?: { outcome: Message; findings: DiagnosticLike[]; error?: ErrorInfo | undefined } | undefined;
}

/** A bundle run's outcome, its error findings and the run's error, in an instance's language; the host's English when it sent no parts or the catalogue lacks the outcome. */
export function applyOutcomeText(i: i18n, r: ApplyOutcomeLike): string {
  const s = r.said;
  if (s === undefined || !i.exists(`core:${s.outcome.code}`)) return r.message;
  const outcome = coreTranslator(i).text(s.outcome.code, s.outcome.params, r.message);
  return [outcome, ...s.findings.map((d) => preflightText(i, d).message), s.error ? errorText(i, s.error).message : undefined].filter(Boolean).join(' ');
}
