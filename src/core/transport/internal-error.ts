/**
 * A failure that is HotPair's own bug, not the device's or the user's: the reader is told so in
 * their language and asked to report it, with the technical detail quoted as is (it is for the
 * maintainers, who read English).
 */
import { AppError } from '../base/errors';

export const internalErrorEnglish = (detail: string): string => `Internal error — please report it: "${detail}"`;

export function internalError(detail: string, opts: { details?: Record<string, unknown>; cause?: unknown } = {}): AppError {
  return new AppError('INTERNAL', internalErrorEnglish(detail), { ...opts, message: { key: 'error.internal.bug', params: { detail } } });
}
