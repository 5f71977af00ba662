import type { LabDevice } from '../device/device';
import type { RunningConfig } from '../device/model';
import type { Args } from './grammar';

/** The CLI views and how each one shows in the prompt. */
export type ViewKind = 'user' | 'system' | 'interface' | 'rbm' | 'track' | 'luser' | 'objgroup';

export interface View {
  kind: ViewKind;
  /** Interface name, track id or user name of a sub-view. */
  id?: string;
}

/** A question the device asks before finishing a command (`[Y/N]:`, a file name, …). */
export interface Question {
  prompt: string;
  /** Yes/no questions insist on an answer (the vendor CLI notes). */
  yn: boolean;
  answer(text: string): Outcome;
}

export interface Outcome {
  lines?: string[];
  ask?: Question;
  /** The session ends (quit in user view). */
  logout?: boolean;
  /** The device is going down: no prompt follows. */
  noPrompt?: boolean;
  /** The command was refused: no configuration change is recorded. */
  failed?: boolean;
}

export interface Ctx {
  device: LabDevice;
  cfg: RunningConfig;
  view: View;
  /** Replace the current view (enter a sub-view, or go up). */
  enter(view: View): void;
  session: SessionState;
  /** Report a configuration change made outside the `config: true` path (quiet while loading). */
  changed(lines: string[]): void;
}

export interface SessionState {
  /** Lines per page; 0 = `screen-length disable`. */
  screenLength: number;
  /** Whether async log lines reach this terminal (`terminal monitor`). */
  monitor: boolean;
  username?: string;
}

export type Handler = (ctx: Ctx, args: Args) => Outcome | string[] | void;

export interface CommandSpec {
  syntax: string;
  /** Views the command is accepted in; 'any' for display/save and friends. */
  views: ViewKind[] | 'any';
  run: Handler;
  /** Changes the running configuration (emits a config event). */
  config?: boolean;
  /** The line the config event carries, when the typed form must not leak (clear passwords). */
  event?: (ctx: Ctx, args: Args) => string;
}

/** A refusal printed as free text (not one of the five `%` syntax errors). */
export function fail(message: string): Outcome {
  return { lines: [message], failed: true };
}

/** What a command does, apart from how it is typed and where. */
export type Behaviour = Omit<CommandSpec, 'syntax' | 'views'>;

/**
 * The lab's behaviour for one platform-pack command id: for its template and for its undo form.
 * The pack gives the syntax and the view (see dialect.ts), so a renamed keyword in a pack renames
 * it on the lab's CLI too.
 */
export interface PackBinding {
  run: Behaviour;
  undo?: Behaviour;
}

export type PackBindings = Readonly<Record<string, PackBinding>>;
