import type { ErrorInfo } from '../../core/base/errors';
import type { Translator } from '../../core/base/message';
import type { FindingText } from '../../core/provision/format';
import { coreTranslator } from '../core';
import { errorText, type ErrorText } from '../core-text';
import { diagnosticText } from '../diagnostic';
import { preflightText } from '../preflight';
import { progressText, type ProgressLike } from '../progress';
import { cliI18n } from './cli';

/** Core's results in the CLI's language: the translator the core formatters take. */
export const cliCore = (): Translator => coreTranslator(cliI18n());

/** A finding (a rule's or a preflight check's) in the CLI's language, for formatFindings. */
export const cliFinding: FindingText = (d) => {
  const i = cliI18n();
  const t = d.rule.startsWith('preflight.') ? preflightText(i, d) : diagnosticText(i, d);
  return { severity: t.severity, message: t.message, fix: t.fix ?? d.fix };
};

/** An error's message and fix in the CLI's language (its English when it carries no message key). */
export const cliErrorText = (e: ErrorInfo): ErrorText => errorText(cliI18n(), e);

/** `  fix: …` in the CLI's language. */
export const cliFix = (fix: string): string => cliCore().text('format.fix', { fix }, `fix: ${fix}`);

/** A workflow's progress message or step in the CLI's language. */
export const cliProgress = (m: ProgressLike): string => progressText(cliI18n(), m);
