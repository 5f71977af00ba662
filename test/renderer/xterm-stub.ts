/**
 * Stand-ins for @xterm/xterm and @xterm/addon-fit, which need a real layout engine. A test mocks
 * both with this module and reads `terms` to see what the screen asked of each terminal.
 */
export const terms: Terminal[] = [];

export class Terminal {
  /** As xterm's: the library-wide screen-reader text the app sets in the user's language. */
  static strings = { promptLabel: 'Terminal input', tooMuchOutput: 'Too much output to announce, navigate to rows manually to read' };
  written: string[] = [];
  opened = false;
  cols = 100;
  rows = 30;
  styleNonce?: string;
  textarea?: HTMLTextAreaElement;
  private onDataCb: ((d: string) => void) | undefined;
  constructor() {
    terms.push(this);
  }
  loadAddon() {}
  open(el: HTMLElement) {
    this.opened = true;
    // as xterm's DOM renderer does inside open(): creates its <style> elements
    const style = document.createElement('style');
    el.appendChild(style);
    this.styleNonce = style.nonce;
    // and its input, named from the library's strings at that moment
    this.textarea = document.createElement('textarea');
    this.textarea.setAttribute('aria-label', Terminal.strings.promptLabel);
    el.appendChild(this.textarea);
  }
  attachCustomKeyEventHandler() {}
  onData(cb: (d: string) => void) {
    this.onDataCb = cb;
    return { dispose: () => (this.onDataCb = undefined) };
  }
  type(data: string) {
    this.onDataCb?.(data);
  }
  write(d: string) {
    this.written.push(d);
  }
  focus() {}
  dispose() {}
}

export class FitAddon {
  fit() {}
}
