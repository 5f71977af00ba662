import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { validatePair, type Diagnostic } from '../validate/index';
import { loadPairText, type LoadError, type Position } from './load';
import { Pair } from './pair';
import { formatPath } from './path';
import { schemaReason } from './load-reasons';
import { loadSaid } from './text-guards';

/**
 * Text → Pair → platform pack → every rule: the one path by which the CLI, the app and bundle
 * creation turn a pair file into something they may act on. Pure; the file is read by
 * node/read-pair.ts. Never throws.
 */
export type LocatedDiagnostic = Diagnostic & Partial<Position>;

export interface LoadedPair {
  ok: true;
  pair: Pair;
  /** The pack the pair is checked, rendered and pushed with. */
  pack: PlatformPack;
  /** YAML warnings about the file itself (already in `diagnostics`), for callers that re-run the rules with device facts. */
  fileWarnings: Diagnostic[];
  /** File warnings, then every rule's finding, each at the line of its field or of the nearest parent written in the file. */
  diagnostics: LocatedDiagnostic[];
  positions: Record<string, Position>;
  /** No finding is an error. */
  valid: boolean;
}

export type PairLoad = LoadedPair | { ok: false; errors: LoadError[] };

export interface LoadPairOptions {
  /** Names the text in messages: the file name, or "pair file". */
  sourceName?: string;
  /** A field-corrected pack (`--pack FILE`) instead of the built-in one for the pair's platform. */
  pack?: PlatformPack;
}

/** The packs this build carries, by the id a pair file names in `platform:`. */
export const BUILT_IN_PACKS: Readonly<Record<string, PlatformPack>> = { [comware7.id]: comware7 };

/**
 * The pack for a pair: the one the user named, else the built-in one for its platform. A platform
 * this build has no pack for falls back to the default so the rules still run; the pair.platform
 * rule then reports the mismatch as an error with its fix, and nothing is rendered or pushed.
 */
export function packFor(platform: string, override?: PlatformPack): PlatformPack {
  return override ?? BUILT_IN_PACKS[platform] ?? comware7;
}

export function loadPair(text: string, o: LoadPairOptions = {}): PairLoad {
  const loaded = loadPairText(text, o.sourceName);
  if (!loaded.ok) return loaded;
  const pack = packFor(loaded.pair.platform, o.pack);
  const fileWarnings = loaded.diagnostics ?? [];
  const diagnostics = locate([...fileWarnings, ...validatePair(loaded.pair, {}, pack)], loaded.positions);
  return { ok: true, pair: loaded.pair, pack, fileWarnings, diagnostics, positions: loaded.positions, valid: !diagnostics.some((d) => d.severity === 'error') };
}

/**
 * The same for a pair built in memory (an inventory row laid over a template): schema → pack →
 * rules, with no text to point into. Errors name the field path.
 */
export function loadPairObject(input: unknown, o: Omit<LoadPairOptions, 'sourceName'> = {}): { ok: true; pair: Pair; pack: PlatformPack; diagnostics: Diagnostic[]; valid: boolean } | { ok: false; errors: LoadError[] } {
  const parsed = Pair.safeParse(input);
  if (!parsed.success) return { ok: false, errors: objectErrors(input, parsed.error.issues) };
  const pack = packFor(parsed.data.platform, o.pack);
  const diagnostics = validatePair(parsed.data, {}, pack);
  return { ok: true, pair: parsed.data, pack, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error') };
}

/**
 * An object's problems are a file's problems: written out as JSON (which is YAML) and loaded like a
 * file, each error gets the message key, path and expectation a pair file's would. Line and column
 * go: they would point into text nobody wrote. Should that load not fail (a value JSON cannot
 * carry), zod's own words are what is left to say.
 */
function objectErrors(input: unknown, issues: readonly { path: PropertyKey[]; message: string }[]): LoadError[] {
  let text: string | undefined;
  try {
    text = JSON.stringify(input) ?? 'null';
  } catch {
    // A cycle or a BigInt: nothing a form or an inventory row makes.
  }
  const again = text === undefined ? undefined : loadPairText(text);
  if (again && !again.ok) return again.errors.map(({ line: _line, column: _column, ...e }) => e);
  return issues.map((i) => ({ kind: 'invalid' as const, path: formatPath(i.path), message: i.message, ...loadSaid('custom', { reason: schemaReason(i.message, undefined), hasGot: 'no', got: '' }) }));
}

/** Each diagnostic with the line of its path, or of its nearest parent that is written in the file (defaults are not). */
export function locate(diagnostics: readonly Diagnostic[], positions: Record<string, Position>): LocatedDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, ...nearest(positions, d.path) }));
}

const LAST_SEGMENT = /(\.[^.[\]]+|\[\d+\])$/;

function nearest(positions: Record<string, Position>, path: string): Partial<Position> {
  for (let p = path; ; p = p.replace(LAST_SEGMENT, '')) {
    const hit = positions[p];
    if (hit) return hit;
    if (p === '' || !LAST_SEGMENT.test(p)) return positions[p.split(/[.[]/)[0] ?? ''] ?? {};
  }
}
