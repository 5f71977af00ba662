import type { z } from 'zod';
import type { ErrorInfo } from '../contract/index';

/** A failed input parse → VALIDATION naming each bad path, so callers fix the right field. */
export function validationError(what: string, error: z.ZodError): ErrorInfo {
  const issues = error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  const first = issues[0];
  const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
  return {
    code: 'VALIDATION',
    message: `Invalid input for ${what}${where}: ${first?.message ?? 'invalid'}`,
    details: { issues },
  };
}
