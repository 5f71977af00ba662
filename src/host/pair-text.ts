import type { Diagnostic } from '../contract/index';
import { AppError } from '../core/base/errors';
import type { MessageParams } from '../core/base/message';
import { loadWrittenDoc, type LoadError } from '../core/model/load';
import type { Pair } from '../core/model/pair';
import { loadPair } from '../core/model/pair-loader';
import type { PlatformPack } from '../core/platforms/pack';

export interface CheckedPairText {
  pair?: Pair;
  /** The pack the pair is checked with (its platform's), once it loaded. */
  pack?: PlatformPack;
  /** YAML warnings about the text itself, kept apart for checks that re-run the rules with device facts. */
  fileWarnings: Diagnostic[];
  diagnostics: Diagnostic[];
  /** 'rules' once the file loaded and every hot-backup rule ran; 'structure' when it did not load. */
  checked: 'structure' | 'rules';
}

/**
 * A load problem as the editor shows it: core's English, and its message code with params so the
 * screen says it in the reader's language (diagnosticText routes `load.…` codes to core's load
 * messages). The fix is named by `fixCode`: what the field expects, or where the text broke.
 */
export function fromLoadError(e: LoadError): Diagnostic {
  const d: Diagnostic = { rule: `file.${e.kind}`, path: e.path ?? '', severity: 'error', message: e.message };
  const fix = loadFix(e);
  if (fix) d.fix = fix.english;
  if (e.key) {
    d.code = e.key;
    d.params = { ...e.params, ...(fix ? { fixCode: fix.code, ...fix.params } : {}) };
  }
  if (e.line !== undefined) d.line = e.line;
  if (e.column !== undefined) d.column = e.column;
  return d;
}

function loadFix(e: LoadError): { english: string; code: string; params?: MessageParams } | undefined {
  if (e.expected)
    return { english: `Expected ${e.expected}.`, code: 'load.fix.expected', params: { expectation: e.expectedMessage ? { sep: 'comma', items: [e.expectedMessage] } : e.expected } };
  if (e.kind === 'syntax') return { english: 'Correct the syntax at that position.', code: 'load.fix.syntax' };
  if (e.kind !== 'unknown-key' && e.kind !== 'invalid') return { english: 'Open the pair file itself (YAML or JSON text, a few kilobytes).', code: 'load.fix.not-pair-file' };
  return undefined;
}

/**
 * Text → Pair → pack → every rule (core's loadPair), each finding with its line where known.
 * Never throws: the editor calls this on every edit.
 */
export function checkPairText(text: string): CheckedPairText {
  const loaded = loadPair(text);
  if (!loaded.ok) return { fileWarnings: [], diagnostics: loaded.errors.map(fromLoadError), checked: 'structure' };
  return { pair: loaded.pair, pack: loaded.pack, fileWarnings: loaded.fileWarnings, diagnostics: loaded.diagnostics, checked: 'rules' };
}

/** What each caller refuses to do with an invalid pair (its English); the id selects the reader's sentence in `host.pair-invalid`. */
const REFUSED = {
  untouched: 'nothing was read from or pushed to the devices',
  unasked: 'nothing was asked of the devices',
  unbundled: 'only a valid pair is bundled',
  unrendered: 'scripts are rendered only for a valid pair',
} as const;
/** Where the fix is made (its English), by the same kind of id. */
const FIXES = {
  beside: 'Fix the findings shown beside the fields.',
  step3: 'Fix the findings shown beside the fields (step 3).',
  pairing: 'Fix the findings on the Pairing screen first.',
} as const;

/**
 * A pair the app may act on, with its pack; otherwise VALIDATION carrying the errors, so the
 * screen shows them beside the fields. `refused` says what was not done, `fix` where to mend it.
 */
export function requireValidPair(text: string, refused: keyof typeof REFUSED, fix: keyof typeof FIXES): { pair: Pair; pack: PlatformPack } {
  const { pair, pack, diagnostics } = checkPairText(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!pair || !pack || errors.length > 0)
    throw new AppError('VALIDATION', `The pair file has ${errors.length} error${errors.length === 1 ? '' : 's'}; ${REFUSED[refused]}.`, {
      fix: FIXES[fix],
      details: { diagnostics: errors },
      message: { key: 'host.pair-invalid', params: { count: errors.length, refused, fix } },
    });
  return { pair, pack };
}

/** The document as written (before defaults), for the form editor; null when it is not a mapping that parses. */
export function parseDoc(text: string): Record<string, unknown> | null {
  const r = loadWrittenDoc(text);
  return r.ok ? r.doc : null;
}

/**
 * The same, for text the user opened by name: refused with the file, line and column of the first
 * problem when it is not a pair document at all (the editor shows rule findings, not syntax ones).
 */
export function openPairDoc(name: string, text: string): Record<string, unknown> {
  const r = loadWrittenDoc(text, name);
  if (r.ok) return r.doc;
  const first = r.errors[0];
  const where = first?.line ? `${name}:${first.line}:${first.column ?? 1}: ` : `${name}: `;
  throw new AppError('VALIDATION', `${where}${first?.message ?? 'not a pair file (expected a YAML or JSON mapping)'}`, {
    fix: 'Correct the file (a YAML or JSON pair file, as `hotpair schema` describes) and open it again.',
    message: { key: 'host.not-pair-doc', params: { where, reason: first?.key ? { sep: 'comma', items: [{ code: first.key, ...(first.params ? { params: first.params } : {}) }] } : (first?.message ?? 'not a pair file (expected a YAML or JSON mapping)') } },
  });
}
