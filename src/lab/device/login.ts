import type { LabDevice } from './device';

/**
 * Console login after `Press ENTER to get started.` (the vendor CLI notes): `login:`, `Password:`
 * without echo, the first-login password change (password-control defaults: at least 10
 * characters, not containing the user name) and lockout after three wrong passwords.
 */
type Step = 'idle' | 'login' | 'password' | 'old' | 'new' | 'confirm';

const FIRST_LOGIN = 'First login or password reset. For security reason, you need to change your password. Please enter your password.';

export class ConsoleLogin {
  private step: Step = 'idle';
  private user = '';
  private newPassword = '';
  private oldPassword = '';

  constructor(
    private readonly device: LabDevice,
    private readonly emit: (s: string) => void,
    private readonly loggedIn: (user: string) => void,
  ) {}

  /** Passwords are never echoed; the user name is. */
  echoes(): boolean {
    return this.step === 'login';
  }

  submit(text: string): void {
    switch (this.step) {
      case 'idle':
        return this.ask('login', '\r\nlogin: ');
      case 'login':
        if (!text.trim()) return this.ask('login', '\r\nlogin: ');
        this.user = text.trim();
        return this.ask('password', '\r\nPassword: ');
      case 'password':
        return this.password(text);
      case 'old':
        if (!this.device.verifyPassword(this.user, text)) return this.ask('old', '\r\nThe old password is incorrect.\r\nold password: ');
        this.oldPassword = text;
        return this.ask('new', '\r\nnew password: ');
      case 'new': {
        const problem = this.weak(text);
        if (problem) return this.ask('new', `\r\n${problem}\r\nnew password: `);
        this.newPassword = text;
        return this.ask('confirm', '\r\nconfirm: ');
      }
      case 'confirm':
        if (text !== this.newPassword) return this.ask('new', '\r\nThe two passwords do not match.\r\nnew password: ');
        this.emit('\r\nUpdating user information. Please wait ...');
        this.device.changePassword(this.user, text);
        return this.loggedIn(this.user);
    }
  }

  /** Start the forced change for an authenticated user (console after Password:, or an SSH shell). */
  changePassword(user: string): void {
    this.user = user;
    this.ask('old', `\r\n${FIRST_LOGIN}\r\nold password: `);
  }

  private ask(step: Step, text: string): void {
    this.step = step;
    this.emit(text);
  }

  private password(text: string): void {
    const r = this.device.authenticate(this.user, text, 'terminal');
    if (r === 'ok') return this.loggedIn(this.user);
    if (r === 'change-required') return this.changePassword(this.user);
    this.device.log('SHELL', 5, 'SHELL_LOGIN_FAILED', `${this.user} failed to log in from aux0.`);
    const lockedNow = r === 'locked';
    const text2 = lockedNow ? 'AAA authentication failed.\r\nThe user has been locked. Please try again later.' : 'AAA authentication failed.';
    this.ask('login', `\r\n${text2}\r\n\r\nlogin: `);
  }

  private weak(pw: string): string | undefined {
    if (pw.length < 10) return 'The password must contain at least 10 characters.';
    if (pw.toLowerCase().includes(this.user.toLowerCase())) return 'The password cannot contain the user name.';
    if (pw === this.oldPassword) return 'The new password must be different from the old password.';
    return undefined;
  }
}
