import type { core as zcore } from 'zod';
import { readTextFile } from '../core/model/node/read-pair';
import { comware7 } from '../core/platforms/comware7';
import { parsePack, PlatformPackSchema, type PlatformPack } from '../core/platforms/pack';
import { cliI18n } from '../i18n/node/cli';
import { cliCore } from '../i18n/node/cli-core';
import { t } from './i18n';

/**
 * The platform pack for a command: the built-in Comware V7 pack, or a field-corrected copy
 * (`hotpair pack dump > p.json`, edit, `--pack p.json`). Never throws; the message says what is wrong.
 */
export function readPackFile(file: string | undefined): { ok: true; pack: PlatformPack } | { ok: false; message: string } {
  if (file === undefined) return { ok: true, pack: comware7 };
  const read = readTextFile(file, { what: t('packFile.what') });
  if (!read.ok) return { ok: false, message: read.error.key === undefined ? read.error.message : cliCore().text(read.error.key, read.error.params, read.error.message) };
  const r = parsePack(read.text);
  return r.ok ? r : { ok: false, message: `${t('packFile.invalid', { file })}\n  ${packIssues(read.text, r.issues).join('\n  ')}` };
}

/**
 * Why a pack was refused, in the run's language. parsePack words its issues in English only, so
 * the checks are asked again here for what they found: the field's path and the value's name or
 * bound stay as written, the sentence around them comes from the catalogue.
 */
function packIssues(text: string, english: readonly string[]): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return [t('packFile.issue.notJson', { reason: (e as Error).message })];
  }
  const r = PlatformPackSchema.safeParse(raw);
  if (r.success) {
    // The schema took it: the refusal is a template longer than the pack's own line limit.
    return english.map((s) => {
      const m = /^commands\.(.+): template longer than lineMax$/.exec(s);
      return m ? t('packFile.issue.lineMax', { command: m[1]! }) : s;
    });
  }
  return r.error.issues.map(issueText);
}

/** The schema's name of a JSON type in the run's language; one the catalogue lacks stays as the schema names it. */
const typeName = (name: string): string => (cliI18n().exists(`cli:packFile.typeName.${name}`) ? t(`packFile.typeName.${name}`) : name);

function issueText(i: zcore.$ZodIssue): string {
  const path = i.path.join('.') || t('packFile.root');
  switch (i.code) {
    case 'invalid_type':
      return t('packFile.issue.type', { path, expected: typeName(i.expected) });
    case 'unrecognized_keys':
      return t('packFile.issue.unknownKeys', { path, keys: i.keys, count: i.keys.length });
    case 'invalid_value':
      return t('packFile.issue.values', { path, values: i.values.map((v) => JSON.stringify(v)) });
    case 'too_small':
      return t('packFile.issue.tooSmall', { path, bound: String(i.minimum) });
    case 'too_big':
      return t('packFile.issue.tooBig', { path, bound: String(i.maximum) });
    case 'invalid_union':
      return t('packFile.issue.union', { path });
    default:
      return t('packFile.issue.other', { path, reason: i.message });
  }
}
