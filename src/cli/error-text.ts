/**
 * An error as the CLI prints it, in the run's language: the code's message key and params when the
 * error carries them (its English otherwise), the code itself left as is for scripts that grep it.
 */
import { toErrorInfo, type ErrorInfo } from '../core/base/errors';
import type { ConnectUrlRefusal } from '../core/model/connect';
import { cliCore, cliErrorText } from '../i18n/node/cli-core';
import { fixLine, t } from './i18n';

export interface ErrorLineOptions {
  /** "hotpair <command>: …" instead of "hotpair: …". */
  command?: string;
  /** Print the error code before the message. */
  coded?: boolean;
}

/** The error's message alone (no prefix, no fix), for lines that embed it. */
export const errorMessage = (e: unknown): string => cliErrorText(asInfo(e)).message;

/** Why a device URL was refused (it says what to write instead), in the run's language. */
export const connectUrlRefusal = (r: ConnectUrlRefusal): string => cliCore().text(r.said.code, r.said.params, r.message);

/** "hotpair[ command]: [CODE: ]message\n" and the fix line when there is one. */
export function errorLines(e: unknown, o: ErrorLineOptions = {}): string {
  const info = asInfo(e);
  const said = cliErrorText(info);
  const message = said.message;
  const head = o.command
    ? o.coded
      ? t('commandErrorCoded', { command: o.command, code: info.code, message })
      : t('commandError', { command: o.command, message })
    : o.coded
      ? t('errorCoded', { code: info.code, message })
      : t('error', { message });
  return `${head}\n${fixLine(said.fix)}`;
}

const asInfo = (e: unknown): ErrorInfo => (isInfo(e) ? e : toErrorInfo(e));
const isInfo = (e: unknown): e is ErrorInfo => typeof e === 'object' && e !== null && !(e instanceof Error) && 'code' in e && 'message' in e;
