import { cleanLines } from './text';

/**
 * `display current-configuration` → a tree, for planning changes against what a device runs.
 *
 * Comware layout (H3C's configuration examples, the lab's renderer): sections separated by
 * `#`; a view header at column 0 (`interface GigabitEthernet1/0/1`, `remote-backup group`,
 * `track 1 interface …`) with its lines indented one space deeper; system-view commands that open
 * no view are printed indented by one space straight after a `#` (` sysname FW1`); deeper views
 * nest by indentation (`ospf 1` → ` area 0.0.0.0` → `  network …`); `return` ends the text.
 * Never throws: unknown lines become nodes like any other, prompts and pager remnants are dropped.
 */
export interface ConfigNode {
  /** The line with its indentation removed and runs of spaces collapsed. */
  text: string;
  children: ConfigNode[];
}

export interface ConfigTree {
  /** Top-level lines (system view) in device order; view headers carry their contents. */
  nodes: ConfigNode[];
}

export function normaliseLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

export function parseCurrentConfig(text: string): ConfigTree {
  const nodes: ConfigNode[] = [];
  // Open views of the current section: their indentation and node.
  let stack: { indent: number; node: ConfigNode }[] = [];
  for (const raw of cleanLines(typeof text === 'string' ? text : '')) {
    const line = raw.replace(/\t/g, ' ');
    const body = normaliseLine(line);
    if (body === '' || /^-{4} More -{4}$/.test(body)) continue;
    const indent = line.length - line.trimStart().length;
    if (body === '#') {
      stack = [];
      continue;
    }
    if (indent === 0 && body === 'return') {
      stack = [];
      continue;
    }
    if (/^display\s/i.test(body)) continue;
    const node: ConfigNode = { text: body, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else nodes.push(node);
    // Only a column-0 line opens a view at the top; deeper lines may open nested views.
    if (indent === 0 || parent) stack.push({ indent, node });
  }
  return { nodes };
}

/** The top-level node with exactly this header text (normalised), or undefined. */
export function findView(tree: ConfigTree, header: string): ConfigNode | undefined {
  const h = normaliseLine(header);
  return tree.nodes.find((n) => n.text === h);
}
