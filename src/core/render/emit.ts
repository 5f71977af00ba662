import { fill, type CommandTemplate, type PlatformPack } from '../platforms/pack';
import { renderError, type LineView, type RenderedLine, type Stage } from './types';

/** One command to render: a pack command key and its values. */
export interface Cmd {
  key: string;
  values?: Record<string, string | number>;
  /** Render the template's `undo` form instead (switching off a feature that may default to on). */
  negate?: boolean;
}

/** Commands of one stage typed in one view: system view (no header) or the sub-view the header enters. */
export interface Block {
  stage: Stage;
  header?: Cmd;
  commands: Cmd[];
}

/** Which sub-view each view-entering command leads to; a render fact about the pack's keys. */
export const ENTERS: Readonly<Record<string, LineView>> = { interface: 'interface', rbmEnter: 'rbm', trackInterface: 'track' };

export function template(pack: PlatformPack, key: string): CommandTemplate {
  const t = pack.commands[key];
  if (!t) throw renderError({ code: 'render.no-command', params: { pack: pack.id, key } }, `the platform pack "${pack.id}" has no command "${key}"`, `add commands.${key} to the pack (hotpair pack dump shows the built-in one)`);
  return t;
}

// A value with a line break or control character would smuggle a second command onto the device.
const CONTROL = /[\x00-\x1f\x7f]/;

function text(pack: PlatformPack, key: string, form: string, values: Record<string, string | number>): string {
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' && CONTROL.test(v)) throw renderError({ code: 'render.control-character', params: { name: k, key } }, `value of {${k}} for "${key}" contains a line break or control character`);
  }
  const line = fill(form, values);
  if (line.length > pack.session.lineMax) {
    const start = line.slice(0, 60);
    throw renderError(
      { code: 'render.line-too-long', params: { key, length: String(line.length), max: String(pack.session.lineMax), start } },
      `"${key}" renders a ${line.length}-character line; the device accepts at most ${pack.session.lineMax}: ${start}…`,
      'shorten the value (e.g. the interface description)',
    );
  }
  return line;
}

function commandLine(pack: PlatformPack, c: Cmd, stage: Stage, view: LineView, context: string | undefined): RenderedLine {
  const t = template(pack, c.key);
  if (t.view !== view) throw renderError({ code: 'render.wrong-view', params: { key: c.key, view: t.view, placed: view } }, `"${c.key}" is a ${t.view}-view command but was placed in ${view} view`);
  const values = c.values ?? {};
  let line: RenderedLine;
  if (c.negate) {
    if (t.undo === undefined) throw renderError({ code: 'render.no-undo', params: { key: c.key } }, `"${c.key}" has no undo form to switch it off`);
    // An `undo …` line only restores a default: removing it again leaves nothing to undo.
    line = { text: text(pack, c.key, t.undo, values), stage, kind: 'command', view, key: c.key, verified: t.verified };
  } else {
    line = { text: text(pack, c.key, t.template, values), stage, kind: 'command', view, key: c.key, verified: t.verified };
    if (t.undo !== undefined) line.undo = text(pack, c.key, t.undo, values);
  }
  if (context !== undefined) line.context = context;
  return line;
}

/**
 * Blocks → script lines with the view navigation written out: `system-view` first, each sub-view
 * entered and left with `quit`, `return` last. A view-entering command that has an undo form
 * (`remote-backup group`, `track N interface X`) carries it the first time only: that is where
 * the script creates the view, so that is where an undo script removes it.
 */
export function emit(pack: PlatformPack, blocks: readonly Block[]): RenderedLine[] {
  const s = pack.session;
  const first = blocks[0]?.stage ?? 'channel';
  const last = blocks[blocks.length - 1]?.stage ?? 'local';
  const out: RenderedLine[] = [{ text: s.enterSystemView, stage: first, kind: 'frame', view: 'user', verified: true }];
  const created = new Set<string>();
  for (const b of blocks) {
    if (!b.header) {
      for (const c of b.commands) out.push(commandLine(pack, c, b.stage, 'system', undefined));
      continue;
    }
    const h = template(pack, b.header.key);
    const inner = ENTERS[b.header.key];
    if (h.view !== 'system' || inner === undefined) throw renderError({ code: 'render.not-a-view', params: { key: b.header.key } }, `"${b.header.key}" does not enter a sub-view from system view`);
    const headerText = text(pack, b.header.key, h.template, b.header.values ?? {});
    const creates = h.undo !== undefined && !created.has(headerText);
    if (b.commands.length === 0 && !creates) continue;
    const enter: RenderedLine = { text: headerText, stage: b.stage, kind: 'enter', view: 'system', key: b.header.key, verified: h.verified };
    if (creates && h.undo !== undefined) enter.undo = text(pack, b.header.key, h.undo, b.header.values ?? {});
    created.add(headerText);
    out.push(enter);
    for (const c of b.commands) out.push(commandLine(pack, c, b.stage, inner, headerText));
    out.push({ text: s.quit, stage: b.stage, kind: 'exit', view: inner, context: headerText, verified: true });
  }
  out.push({ text: s.returnToUser, stage: last, kind: 'frame', view: 'system', verified: true });
  return out;
}
