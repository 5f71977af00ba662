/**
 * The pair file's defaults as the host serves them (`pairs.schema`), by field path. The form shows
 * them as placeholders and unchecked-box states, so a default changed in the model reaches the form
 * without a second copy here.
 */
export type Defaults = Readonly<Record<string, string | number | boolean>>;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A form path ("vrrp[2].mode") in the key syntax of {@link schemaDefaults} ("vrrp[].mode"). */
export const defaultsKey = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/** Plain values of an object default, flattened ({every: '1h'} at `schedule` → `schedule.every`). */
function flatten(value: unknown, path: string, out: Record<string, string | number | boolean>): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[path] = value;
  else if (isNode(value)) for (const [k, v] of Object.entries(value)) flatten(v, `${path}.${k}`, out);
}

/**
 * Every plain default of a JSON Schema, keyed by dotted path with `[]` for list items. A default
 * given deeper in the schema wins over one inside a parent's object default.
 */
export function schemaDefaults(schema: unknown): Defaults {
  const out: Record<string, string | number | boolean> = {};
  const defs = isNode(schema) && isNode(schema.$defs) ? schema.$defs : {};
  const walk = (raw: unknown, path: string, depth: number): void => {
    if (!isNode(raw) || depth > 32) return;
    const node = typeof raw.$ref === 'string' ? defs[raw.$ref.replace('#/$defs/', '')] : raw;
    if (!isNode(node)) return;
    if (path && 'default' in node) flatten(node.default, path, out);
    for (const alt of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[alt])) for (const a of node[alt]) walk(a, path, depth + 1);
    if (isNode(node.properties)) for (const [k, v] of Object.entries(node.properties)) walk(v, path ? `${path}.${k}` : k, depth + 1);
    if (isNode(node.items)) walk(node.items, `${path}[]`, depth + 1);
  };
  walk(schema, '', 0);
  return out;
}
