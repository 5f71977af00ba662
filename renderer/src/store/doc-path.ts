/** Paths in the pair file's syntax ("devices.a.interfaces[2].address") over plain JSON documents. */
export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

export function getIn(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const s of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Segment, unknown>)[s];
  }
  return cur;
}

/**
 * A copy of `doc` with `value` at `path` (undefined removes the key, so the file's default applies);
 * missing objects/arrays on the way are created. The input is never mutated: store state stays immutable.
 */
export function setIn(doc: unknown, path: string, value: unknown): unknown {
  const segs = parsePath(path);
  const rec = (node: unknown, i: number): unknown => {
    const s = segs[i]!;
    const base: Record<Segment, unknown> | unknown[] = Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...(node as object) } : typeof s === 'number' ? [] : {};
    const next = i === segs.length - 1 ? value : rec((base as Record<Segment, unknown>)[s], i + 1);
    if (next === undefined && !Array.isArray(base)) delete (base as Record<Segment, unknown>)[s];
    else (base as Record<Segment, unknown>)[s] = next;
    return base;
  };
  return segs.length === 0 ? value : rec(doc, 0);
}

/** Remove item `index` of the list at `path`. */
export function removeAt(doc: unknown, path: string, index: number): unknown {
  const list = getIn(doc, path);
  if (!Array.isArray(list)) return doc;
  return setIn(doc, path, list.filter((_, i) => i !== index));
}
