import type { RenderedLine } from './types';

/** A run of system-view lines (no `enter`), or one visit to a sub-view: its `enter` line and body. */
export interface Segment {
  enter?: RenderedLine;
  body: RenderedLine[];
}

/** Split lines into system-view runs and sub-view visits (enter … quit); frames are dropped. */
export function segments(lines: readonly RenderedLine[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | undefined;
  for (const l of lines) {
    if (l.kind === 'frame') continue;
    if (l.kind === 'enter') {
      cur = { enter: l, body: [] };
      out.push(cur);
    } else if (l.kind === 'exit') {
      cur = undefined;
    } else if (cur) {
      cur.body.push(l);
    } else {
      const last = out[out.length - 1];
      if (last && !last.enter) last.body.push(l);
      else out.push({ body: [l] });
    }
  }
  return out;
}
