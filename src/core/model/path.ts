/**
 * The one path syntax of the pair file, shared by the loader's errors and the validator's
 * diagnostics: dotted keys, list items in brackets ("devices.a.interfaces[2].address").
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}

/** The inverse of formatPath, for tools that locate a diagnostic in the file or a form. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}
