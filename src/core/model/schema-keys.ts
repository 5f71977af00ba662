/**
 * What keys the pair schema accepts at a path, and the nearest one to a misspelling. Walks zod 4's
 * public `_zod.def` structure so that the suggestions follow the schema without a second list.
 */
interface DefLike {
  type: string;
  shape?: Record<string, SchemaLike>;
  innerType?: SchemaLike;
  element?: SchemaLike;
  options?: SchemaLike[];
  in?: SchemaLike;
  valueType?: SchemaLike;
}
interface SchemaLike {
  _zod: { def: DefLike };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The concrete schemas a value at `schema` may match (wrappers peeled, union options spread). */
function variants(schema: SchemaLike): SchemaLike[] {
  const def = schema._zod.def;
  if (WRAPPERS.has(def.type) && def.innerType) return variants(def.innerType);
  if (def.type === 'pipe' && def.in) return variants(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(variants);
  return [schema];
}

function childSchemas(schema: SchemaLike, seg: string | number): SchemaLike[] {
  return variants(schema).flatMap((v) => {
    const def = v._zod.def;
    if (def.type === 'object' && typeof seg === 'string' && def.shape?.[seg]) return [def.shape[seg]];
    if (def.type === 'array' && typeof seg === 'number' && def.element) return [def.element];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    return [];
  });
}

/** Keys accepted by the object(s) at `path` of `root`, in schema order, without duplicates. */
export function keysAt(root: unknown, path: readonly PropertyKey[]): string[] {
  let level: SchemaLike[] = [root as SchemaLike];
  for (const seg of path) {
    if (typeof seg === 'symbol') return [];
    level = level.flatMap((s) => childSchemas(s, seg));
  }
  const keys = level.flatMap(variants).flatMap((v) => (v._zod.def.type === 'object' ? Object.keys(v._zod.def.shape ?? {}) : []));
  return [...new Set(keys)];
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("vird" → "vrid"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/**
 * The valid key the user most likely meant: same letters in another case, a prefix of a longer key
 * ("interval" → "intervalSeconds"), or a small number of typos relative to the key's length.
 */
export function nearestKey(unknown: string, valid: readonly string[]): string | undefined {
  const u = unknown.toLowerCase();
  const exact = valid.find((v) => v.toLowerCase() === u);
  if (exact) return exact;
  let best: { key: string; d: number } | undefined;
  for (const v of valid) {
    const d = editDistance(u, v.toLowerCase());
    if (d <= Math.max(1, Math.floor(v.length / 3)) && (!best || d < best.d)) best = { key: v, d };
  }
  if (best) return best.key;
  return u.length >= 3 ? valid.find((v) => v.toLowerCase().startsWith(u) || u.startsWith(v.toLowerCase())) : undefined;
}
