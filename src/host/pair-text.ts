import { parse } from 'yaml';
import type { Diagnostic } from '../contract/index';
import { loadPairText, type LoadError } from '../core/model/load';
import type { Pair } from '../core/model/pair';
import { validatePair } from '../core/validate/index';

export interface CheckedPairText {
  pair?: Pair;
  diagnostics: Diagnostic[];
  /** 'rules' once the file loaded and every hot-backup rule ran; 'structure' when it did not load. */
  checked: 'structure' | 'rules';
}

function fromLoadError(e: LoadError): Diagnostic {
  const d: Diagnostic = { rule: `file.${e.kind}`, path: e.path ?? '', severity: 'error', message: e.message };
  if (e.expected) d.fix = `Expected ${e.expected}.`;
  else if (e.kind === 'syntax') d.fix = 'Correct the syntax at that position.';
  if (e.line !== undefined) d.line = e.line;
  if (e.column !== undefined) d.column = e.column;
  return d;
}

/**
 * Text → Pair → every rule (core's loadPairText + validatePair), each finding with its line where
 * known. Never throws: the editor calls this on every edit.
 */
export function checkPairText(text: string): CheckedPairText {
  const loaded = loadPairText(text);
  if (!loaded.ok) return { diagnostics: loaded.errors.map(fromLoadError), checked: 'structure' };
  const diagnostics: Diagnostic[] = [...(loaded.diagnostics ?? []), ...validatePair(loaded.pair)].map((d) => {
    const pos = loaded.positions[d.path];
    return pos ? { ...d, line: pos.line, column: pos.column } : { ...d };
  });
  return { pair: loaded.pair, diagnostics, checked: 'rules' };
}

/** The document as written (before defaults), for the form editor; null when it does not parse. */
export function parseDoc(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100 }) ?? null;
  } catch {
    return null;
  }
}
