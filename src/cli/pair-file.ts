import { readFileSync } from 'node:fs';
import { loadPairText } from '../core/model/load';
import type { Pair } from '../core/model/pair';
import type { PlatformPack } from '../core/platforms/pack';
import { hasErrors, validatePair } from '../core/validate/index';
import { formatDiagnostic, formatLoadError } from './commands/validate';

/**
 * Read, parse and validate a pair file for a command that acts on it. Exit code semantics follow
 * `hotpair validate`: 2 unreadable/unparsable, 1 rule errors. Messages are ready to print.
 */
export function readValidPair(file: string, pack: PlatformPack): { ok: true; pair: Pair; text: string } | { ok: false; exit: 1 | 2; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, exit: 2, message: `hotpair: ${code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`}\n` };
  }
  const loaded = loadPairText(text, file);
  if (!loaded.ok) return { ok: false, exit: 2, message: loaded.errors.map((e) => formatLoadError(file, e)).join('') };
  const diagnostics = [...(loaded.diagnostics ?? []), ...validatePair(loaded.pair, {}, pack)];
  if (hasErrors(diagnostics)) {
    return { ok: false, exit: 1, message: `${diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('')}${file}: correct the errors above first\n` };
  }
  return { ok: true, pair: loaded.pair, text };
}
