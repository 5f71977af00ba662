import { readFileSync } from 'node:fs';
import { comware7 } from '../core/platforms/comware7';
import { parsePack, type PlatformPack } from '../core/platforms/pack';

/**
 * The platform pack for a command: the built-in Comware V7 pack, or a field-corrected copy
 * (`hotpair pack dump > p.json`, edit, `--pack p.json`). Never throws; the message says what is wrong.
 */
export function readPackFile(file: string | undefined): { ok: true; pack: PlatformPack } | { ok: false; message: string } {
  if (file === undefined) return { ok: true, pack: comware7 };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read platform pack ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const r = parsePack(text);
  return r.ok ? r : { ok: false, message: `platform pack ${file} is invalid:\n  ${r.issues.join('\n  ')}` };
}
