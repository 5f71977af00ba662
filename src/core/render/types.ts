import { AppError } from '../base/errors';
import type { Message } from '../base/message';

/**
 * The rendered command script of one device. Issue 5 (commissioning) applies a script in stages,
 * in this order:
 *  - `channel`: what each device needs for the control channel to come up;
 *  - `sync`: configuration that synchronises from the primary (pushed to the primary only);
 *  - `local`: what does not synchronise, per device.
 * See ./sections.ts for which command lands in which stage, and why.
 */
export type Stage = 'channel' | 'sync' | 'local';
export const STAGES: readonly Stage[] = ['channel', 'sync', 'local'];

/** The view a line is typed in (the prompt the device shows before it). */
export type LineView = 'user' | 'system' | 'interface' | 'rbm' | 'track';

/**
 * - `frame`: `system-view` at the start and `return` at the end of a whole script;
 * - `enter`: enters a sub-view (`interface X`, `remote-backup group`, `track 1 interface X`);
 * - `exit`: `quit` back to system view;
 * - `command`: a configuration line.
 */
export type LineKind = 'frame' | 'enter' | 'exit' | 'command';

export interface RenderedLine {
  text: string;
  stage: Stage;
  kind: LineKind;
  /** The view the line is typed in. */
  view: LineView;
  /** The sub-view header this line belongs to (`interface GigabitEthernet1/0/1`); absent in system view. */
  context?: string;
  /** Pack command key the line was made from; absent for session lines (system-view, quit, return). */
  key?: string;
  /** From the template: false when the syntax is not confirmed from vendor text. */
  verified: boolean;
  /**
   * The line that removes what this one added, typed in the same view (for an `enter` line that
   * creates its view, typed in system view after the view's contents are undone). Absent when
   * there is nothing to remove: navigation, and lines that only restore a default (`undo …`).
   */
  undo?: string;
}

export interface RenderedScript {
  lines: RenderedLine[];
}

export interface RenderedPair {
  a: RenderedScript;
  b: RenderedScript;
}

/**
 * A pair the templates cannot express (or that would exceed the line limit): a clear error, never a
 * bad script. `said` is the sentence as a `render.…` message (its fix, when there is one, is
 * `<code>.fix` with the same params); `message` and `fix` are its English.
 */
export function renderError(said: Message, message: string, fix?: string): AppError {
  return new AppError('VALIDATION', message, { message: said, ...(fix === undefined ? {} : { fix }) });
}
