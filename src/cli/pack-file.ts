import { readTextFile } from '../core/model/node/read-pair';
import { comware7 } from '../core/platforms/comware7';
import { parsePack, type PlatformPack } from '../core/platforms/pack';
import { t } from './i18n';

/**
 * The platform pack for a command: the built-in Comware V7 pack, or a field-corrected copy
 * (`hotpair pack dump > p.json`, edit, `--pack p.json`). Never throws; the message says what is wrong.
 */
export function readPackFile(file: string | undefined): { ok: true; pack: PlatformPack } | { ok: false; message: string } {
  if (file === undefined) return { ok: true, pack: comware7 };
  const read = readTextFile(file, { what: t('packFile.what') });
  if (!read.ok) return { ok: false, message: read.error.message };
  const r = parsePack(read.text);
  return r.ok ? r : { ok: false, message: `${t('packFile.invalid', { file })}\n  ${r.issues.join('\n  ')}` };
}
