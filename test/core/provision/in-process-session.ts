/**
 * A Session over the lab appliance's CLI engine in-process (no transport): the same command
 * grammar, views and error lines as the lab over SSH, fast enough for unit tests. Faults: a line
 * can be made to hang up the session (DISCONNECTED) before or after the device ran it.
 */
import { AppError } from '../../../src/core/base/errors';
import type { Disposable } from '../../../src/core/base/emitter';
import { comware7 } from '../../../src/core/platforms/comware7';
import { rejection } from '../../../src/core/provision/push';
import type { CommandResponse, ExecOptions, HelpResponse, PromptInfo, SendConfigOptions, Session } from '../../../src/core/session/types';
import { CliSession } from '../../../src/lab/cli/engine';
import type { LabDevice } from '../../../src/lab/device/index';

export class InProcessSession implements Session {
  readonly pack = comware7;
  readonly cli: CliSession;
  closed = false;
  readonly typed: string[] = [];
  /** Hang up on this line: 'before' it reaches the device, or 'after' the device ran it. */
  hangUp?: { line: string; when: 'before' | 'after' };

  constructor(readonly device: LabDevice) {
    this.cli = new CliSession(device);
  }

  get prompt(): PromptInfo {
    const text = this.cli.prompt();
    const m = /^(RBM_[PS])?([<[])([^>\]]+)[>\]]$/.exec(text);
    const body = m?.[3] ?? '';
    const host = this.device.sysname();
    const base = { text, hostname: host, ...(m?.[1] ? { rbmPrefix: m[1] } : {}) };
    if (m?.[2] === '<') return { ...base, view: 'user', subview: '' };
    return body === host ? { ...base, view: 'system', subview: '' } : { ...base, view: 'subview', subview: body.slice(host.length + 1) };
  }

  async exec(command: string, opts: ExecOptions = {}): Promise<CommandResponse> {
    if (this.closed) throw new AppError('DISCONNECTED', 'the session is closed');
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
    const hang = this.hangUp?.line === command ? this.hangUp.when : undefined;
    if (hang === 'before') return this.drop();
    this.typed.push(command);
    const output = (this.cli.execute(command).lines ?? []).join('\n');
    if (hang === 'after') return this.drop();
    const bad = rejection(this.pack, output);
    if (bad !== undefined && opts.check !== false) throw new AppError('COMMAND_REJECTED', `The device rejected "${command}": ${bad}`, { details: { command } });
    return { command, output, prompt: this.cli.prompt(), elapsedMs: 0 };
  }

  /** `?` after `text`, as the lab's terminal answers it; nothing runs. */
  async help(text: string): Promise<HelpResponse> {
    if (this.closed) throw new AppError('DISCONNECTED', 'the session is closed');
    const prompt = this.cli.prompt();
    return { text, output: this.cli.help(text).join('\n'), typedStart: prompt.length, prompt, bytes: 0, elapsedMs: 0 };
  }

  private drop(): never {
    this.closed = true;
    throw new AppError('DISCONNECTED', 'the connection was lost');
  }

  async sendConfig(lines: readonly string[], opts: SendConfigOptions = {}): Promise<CommandResponse[]> {
    await this.enterSystemView();
    const out: CommandResponse[] = [];
    for (const [index, line] of lines.entries()) {
      out.push(await this.exec(line, opts.signal ? { signal: opts.signal } : {}));
      opts.onProgress?.({ index, total: lines.length, line });
    }
    if (!opts.stayInView) await this.returnToUser();
    return out;
  }

  async enterSystemView(): Promise<void> {
    if (this.prompt.view === 'system') return;
    if (this.prompt.view === 'subview') await this.exec('return');
    await this.exec('system-view');
  }

  async enterView(command: string): Promise<CommandResponse> {
    await this.enterSystemView();
    return this.exec(command);
  }

  async returnToUser(): Promise<void> {
    if (this.prompt.view !== 'user') await this.exec('return');
  }

  async save(): Promise<CommandResponse> {
    return this.exec('save force');
  }

  onLog(): Disposable {
    return { dispose: () => undefined };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
