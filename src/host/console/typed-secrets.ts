import { REDACTED } from '../../core/channel/redact';

/** What the device says when the next line typed is a secret (login, `super`, local-user edits). */
const SECRET_PROMPT = /(?:password|passphrase|passcode)[^\n:]{0,20}:\s*$/i;
const TAIL = 96;

/**
 * Typed keystrokes → the text the transcript may keep. Devices do not echo a password, so the
 * only copy is what the user typed: after a Password: prompt the keystrokes up to Enter are
 * held and written as *** (and the literal is registered, so any later echo is redacted too).
 * `password simple X` arguments are the recorder's keyword redactor's job, not this one.
 */
export class TypedSecretFilter {
  private tail = '';
  private secret: string | undefined;

  constructor(private readonly onSecret: (secret: string) => void) {}

  /** Device output, to notice a password prompt on the tail. */
  sawOutput(text: string): void {
    this.tail = (this.tail + text).slice(-TAIL);
    if (this.secret === undefined && SECRET_PROMPT.test(this.tail)) this.secret = '';
  }

  /** Keystrokes in; what may be recorded out. */
  typed(data: string): string {
    let out = '';
    for (const ch of data) {
      if (this.secret === undefined) {
        out += ch;
        if (ch === '\r' || ch === '\n') this.tail = '';
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        if (this.secret) this.onSecret(this.secret);
        out += (this.secret ? REDACTED : '') + ch;
        this.secret = undefined;
        this.tail = '';
      } else if (ch === '\x7f' || ch === '\b') this.secret = this.secret.slice(0, -1);
      else if (ch === '\x03') {
        // Ctrl-C abandons the prompt: nothing was entered
        this.secret = undefined;
        out += ch;
      } else this.secret += ch;
    }
    return out;
  }
}
