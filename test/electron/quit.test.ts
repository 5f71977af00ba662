import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { disposeBeforeQuit } from '../../electron/main/quit';

function fakeApp() {
  const app = Object.assign(new EventEmitter(), { quits: 0 });
  // quit() emits before-quit, as Electron does; it answers whether a listener held the quit.
  const quit = () => {
    app.quits++;
    const e = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
    app.emit('before-quit', e);
    return e.defaultPrevented;
  };
  return Object.assign(app, { quit });
}

describe('quitting the desktop app', () => {
  it('holds the quit until the host has closed devices and the database, then quits for real', async () => {
    const app = fakeApp();
    let release!: () => void;
    const dispose = vi.fn(() => new Promise<void>((r) => (release = r)));
    disposeBeforeQuit(app as never, dispose, 5_000);
    expect(app.quit()).toBe(true); // held
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(app.quit()).toBe(true); // a second Cmd-Q meanwhile: still held, no second dispose
    expect(dispose).toHaveBeenCalledTimes(1);
    const quitsBefore = app.quits;
    release();
    await vi.waitFor(() => expect(app.quits).toBe(quitsBefore + 1));
    expect(app.quit()).toBe(false); // done: nothing holds the quit any more
  });

  it('quits after the timeout when the host never finishes, and when it fails', async () => {
    const hung = fakeApp();
    disposeBeforeQuit(hung as never, () => new Promise<void>(() => {}), 50);
    hung.quit();
    await vi.waitFor(() => expect(hung.quits).toBe(2), { timeout: 2_000 });

    const failing = fakeApp();
    disposeBeforeQuit(failing as never, () => Promise.reject(new Error('database locked')), 5_000);
    failing.quit();
    await vi.waitFor(() => expect(failing.quits).toBe(2));
  });
});
