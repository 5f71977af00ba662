/**
 * HotPair's own words among a rollback's device lines: the placeholders in `differences` and the
 * notes in `errors`. Each is known by its English (what crosses the contract and the journal) and
 * said by its code, so every edge lists the device's lines as they are and these in the reader's
 * language. Pure, so the app can use it as well as the CLI.
 */
import type { Message } from '../base/message';
import { errorEnglish, errorParam } from './progress-message';

export const NO_COPY = '(no pre-push copy to compare with)';
export const NOT_COMPARED = '(not compared: the device could not be reached)';

const PLACEHOLDERS: Readonly<Record<string, string>> = { [NO_COPY]: 'rollback.no-copy', [NOT_COMPARED]: 'rollback.not-compared' };

/** A difference line as a message when it is one of HotPair's placeholders; undefined for a device line, shown as it is. */
export function differenceMessage(line: string): Message | undefined {
  const code = PLACEHOLDERS[line];
  return code === undefined ? undefined : { code };
}

const SECOND_PASS = 'second pass: ';
const NO_UNDO_FORM = 'no undo form known for: ';

/** A note of HotPair's in `errors`: its English and its message. */
export type RollbackNote = [english: string, said: Message];

/** The second pass (typing back from the pre-push copy) failed with `e`. */
export const secondPassFailed = (e: unknown): RollbackNote => [`${SECOND_PASS}${errorEnglish(e)}`, { code: 'rollback.error.second-pass', params: { error: errorParam(e) } }];

/** Lines still differing that no undo form is known for: the device's lines, quoted as they are. */
export const noUndoForm = (lines: readonly string[]): RollbackNote => [`${NO_UNDO_FORM}${lines.join('; ')}`, { code: 'rollback.error.no-undo-form', params: { lines: lines.join('; ') } }];

/** What a rollback's `errors` come with: `errorsSaid[i]` is the message of `errors[i]` when HotPair wrote it. */
export interface RollbackErrors {
  errors: readonly string[];
  errorsSaid?: readonly (Message | null)[] | undefined;
}

/**
 * One of `errors` as a message when it is HotPair's note; undefined for a device's refusal
 * (`line: what the device said`), shown as it is. A result that crossed the contract carries only
 * the English: the note is then known by its opening words, its inner error as written.
 */
export function rollbackErrorMessage(d: RollbackErrors, i: number): Message | undefined {
  const said = d.errorsSaid?.[i];
  if (said) return said;
  const text = d.errors[i] ?? '';
  if (text.startsWith(NO_UNDO_FORM)) return { code: 'rollback.error.no-undo-form', params: { lines: text.slice(NO_UNDO_FORM.length) } };
  if (text.startsWith(SECOND_PASS)) return { code: 'rollback.error.second-pass', params: { error: text.slice(SECOND_PASS.length) } };
  return undefined;
}
