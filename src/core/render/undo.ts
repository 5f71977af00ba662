import type { PlatformPack } from '../platforms/pack';
import type { Pair } from '../model/pair';
import { renderPair } from './render';
import { segments } from './segments';
import type { RenderedLine, RenderedPair, RenderedScript } from './types';

/**
 * The undo of any run of rendered lines, without the system-view/return frame: every line's undo
 * form in reverse order, each sub-view entered again to type them, and a view the run created
 * removed after its contents. Works on a prefix of a script too (a push interrupted at line N,
 * even inside a view), which is how a partial apply is rolled back.
 */
export function undoLines(lines: readonly RenderedLine[], pack: PlatformPack): RenderedLine[] {
  const out: RenderedLine[] = [];
  const segs = segments(lines).reverse();
  for (const seg of segs) {
    const body = seg.body.filter((l) => l.undo !== undefined).reverse();
    const undos = body.map((l): RenderedLine => ({ ...withoutUndo(l), text: l.undo as string }));
    if (!seg.enter) {
      out.push(...undos);
      continue;
    }
    const e = seg.enter;
    if (undos.length > 0) {
      out.push(withoutUndo(e), ...undos);
      out.push({ text: pack.session.quit, stage: e.stage, kind: 'exit', view: undos[0]?.view ?? 'system', context: e.text, verified: true });
    }
    if (e.undo !== undefined) out.push({ ...withoutUndo(e), kind: 'command', text: e.undo });
  }
  return out;
}

function withoutUndo(l: RenderedLine): RenderedLine {
  const { undo: _undo, ...rest } = l;
  return rest;
}

/** Wrap lines in the session frame (`system-view` … `return`); nothing to do stays empty. */
export function framed(lines: readonly RenderedLine[], pack: PlatformPack): RenderedLine[] {
  if (lines.length === 0) return [];
  const first = lines[0] as RenderedLine;
  const last = lines[lines.length - 1] as RenderedLine;
  return [
    { text: pack.session.enterSystemView, stage: first.stage, kind: 'frame', view: 'user', verified: true },
    ...lines,
    { text: pack.session.returnToUser, stage: last.stage, kind: 'frame', view: 'system', verified: true },
  ];
}

/** Per device, the script that removes exactly what renderPair's script adds, in reverse order. */
export function renderUndo(pair: Pair, pack: PlatformPack, rendered: RenderedPair = renderPair(pair, pack)): RenderedPair {
  const one = (s: RenderedScript): RenderedScript => ({ lines: framed(undoLines(s.lines, pack), pack) });
  return { a: one(rendered.a), b: one(rendered.b) };
}
