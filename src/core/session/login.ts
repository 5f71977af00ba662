/**
 * Login over a console (banner, "Press ENTER", login/password, first-login password change,
 * lockout) or the shell of an SSH session (already authenticated, but a device may still force
 * a password change). Never retries a wrong password: a second attempt only brings a lockout closer.
 */
import { AppError } from '../base/errors';
import type { Channel } from '../channel/channel';
import { matchConfirmation, matchPrompt, type CompiledPack } from '../channel/patterns';
import type { PromptMatch } from './command';

/** Silence after which we press Enter to make the device show where it is. */
const CONSOLE_POKE_MS = 300;
const SHELL_POKE_MS = 1500;
const MAX_POKES = 3;

export interface LoginCredentials {
  username?: string;
  password?: string;
  /** Used only when the device demands a password change at first login. */
  newPassword?: string;
}

export interface LoginOptions {
  mode: 'console' | 'shell';
  signal?: AbortSignal;
  timeoutMs: number;
  idleTimeoutMs: number;
  /** Serial line speed, to name it when the console answers with garbage. */
  baud?: number;
}

export async function login(ch: Channel, cp: CompiledPack, creds: LoginCredentials, o: LoginOptions): Promise<PromptMatch> {
  const term = ch.term;
  const l = cp.login;
  let mark = term.lineStart;
  let passwordsSent = 0;
  let usernamesSent = 0;
  let changing = false;
  let oldSent = 0;
  let newSent = 0;
  const answered = new Set<number>();
  const pressed = new Set<number>();
  const send = (text: string) => {
    mark = term.lineStart;
    answered.add(term.lineStart);
    void ch.write(text + '\r').catch(() => undefined);
  };
  // An idle console shows nothing until Enter is pressed, an SSH shell greets with its prompt,
  // and a console that is booting prints "Press ENTER" by itself. So poke only after a short
  // silence, and only while we have answered nothing: an Enter sent while the device is talking
  // would race its own questions. Leftovers of an earlier session (half a line) do not count as
  // an answer, which is why this is a silence timer rather than "nothing received yet".
  let pokes = 0;
  let poke: ReturnType<typeof setTimeout> | undefined;
  const armPoke = () => {
    clearTimeout(poke);
    if (answered.size > 0 || pokes >= MAX_POKES) return;
    poke = setTimeout(
      () => {
        if (answered.size > 0) return;
        pokes++;
        void ch.write('\r').catch(() => undefined);
        armPoke();
      },
      o.mode === 'console' ? CONSOLE_POKE_MS : SHELL_POKE_MS,
    );
  };
  armPoke();
  const textSub = ch.onText(armPoke);
  return ch.wait(
    () => {
      const since = term.textFrom(mark);
      if (l.lockedOut.test(since)) {
        const reason = lastLine(since, l.lockedOut);
        throw new AppError('LOCKED_OUT', `The device locked the account: "${reason}".`, {
          fix: 'Wait for the lockout to expire or ask the administrator to unlock the user; HotPair will not retry.',
          message: { key: 'error.locked-out.login', params: { reason } },
        });
      }
      const cur = term.currentLineTail(300);
      // the refusal and a lockout notice can arrive in separate pieces: decide once the device
      // asks again (its message is complete then)
      if (passwordsSent > 0 && l.authFailed.test(since) && (l.username.test(cur) || l.password.test(cur))) {
        const reason = lastLine(since, l.authFailed);
        throw new AppError('AUTH_FAILED', `The device refused the login: "${reason}".`, {
          fix: 'Check the user name and password (HotPair tried once, to avoid a lockout).',
          message: { key: 'error.auth-failed.refused', params: { reason } },
        });
      }
      const p = matchPrompt(cp, cur);
      if (p) return p;
      const at = term.lineStart;
      const tail = term.tail(512);
      // only a trailing "Press ENTER" asks for Enter (one followed by a login prompt was answered),
      // and each sighting is answered once, wherever the device's next line break falls
      const m = l.pressEnter.exec(tail);
      if (m && tail.slice(m.index + m[0].length).trim() === '') {
        const pos = term.lineStart + term.currentLine().length - tail.length + m.index;
        if (!pressed.has(pos)) {
          pressed.add(pos);
          return void send('');
        }
      }
      // questions wait on the current line; once it is blank the device has moved on
      if (answered.has(at) || cur.trim() === '') return undefined;
      if (l.firstLogin.test(since)) changing = true;
      // a question asked again means the answer was refused: say why (the line before it)
      const reason = () => tail.split('\n').slice(-2, -1)[0]?.trim() || 'no reason given';
      if (l.oldPassword.test(tail)) {
        if (oldSent++ > 0) throw new AppError('AUTH_FAILED', `The device refused the current password during the password change: "${reason()}".`, { message: { key: 'error.auth-failed.old-password', params: { reason: reason() } } });
        return void send(requirePassword(creds));
      }
      if (l.newPassword.test(tail) || l.confirmPassword.test(tail)) {
        if (newSent++ >= 2) {
          throw new AppError('AUTH_FAILED', `The device refused the new password: "${reason()}".`, {
            fix: 'Choose a password the device accepts (password-control: length, complexity, not containing the user name).',
            message: { key: 'error.auth-failed.new-password', params: { reason: reason() } },
          });
        }
        if (!creds.newPassword) {
          throw new AppError('AUTH_FAILED', 'The device requires a new password at first login, and none was supplied.', {
            fix: 'Supply the new password (--new-password-env NAME) so HotPair can complete the first-login change.',
            message: { key: 'error.auth-failed.no-new-password' },
          });
        }
        return void send(creds.newPassword);
      }
      if (l.username.test(tail)) {
        // asked again before any password: our extra Enter (after "Press ENTER") was taken as an
        // empty user name; after a password it means the password was wrong
        if (passwordsSent > 0 || usernamesSent >= 2) throw authFailed('username');
        if (!creds.username) throw new AppError('AUTH_FAILED', 'The device asks for a user name and none was supplied.', {
            fix: 'Put the user in the URL: serial:///dev/ttyUSB0 with --user, or ssh://admin@host.',
            message: { key: 'error.auth-failed.no-username' },
          });
        usernamesSent++;
        return void send(creds.username);
      }
      if (l.password.test(tail)) {
        if (passwordsSent > 0 && !changing) throw authFailed('password');
        passwordsSent++;
        return void send(requirePassword(creds));
      }
      // Questions some releases ask between login and prompt (password expiry, notice banner),
      // answered from the pack's table like any other confirmation.
      const question = matchConfirmation(cp, tail);
      if (question && !question.abort) return void send(question.answer);
      return undefined;
    },
    {
      awaiting: { wait: o.mode === 'console' ? 'console-login' : 'shell-prompt' },
      signal: o.signal,
      timeoutMs: o.timeoutMs,
      idleTimeoutMs: o.idleTimeoutMs,
      ...(o.mode === 'console' ? { garbageCheck: o.baud === undefined ? {} : { baud: o.baud } } : {}),
    },
  ).finally(() => {
    clearTimeout(poke);
    textSub.dispose();
  });
}

function requirePassword(creds: LoginCredentials): string {
  if (creds.password === undefined) {
    throw new AppError('AUTH_FAILED', 'The device asks for a password and none was supplied.', { fix: 'Give it at the prompt or with --password-env NAME.', message: { key: 'error.auth-failed.no-password' } });
  }
  return creds.password;
}

function authFailed(asked: 'username' | 'password'): AppError {
  const why = asked === 'username' ? 'asked for the user name again' : 'asked for the password again';
  return new AppError('AUTH_FAILED', `The device refused the login (it ${why}).`, {
    fix: 'Check the user name and password (HotPair tried once, to avoid a lockout).',
    message: { key: 'error.auth-failed.asked-again', params: { asked } },
  });
}

function lastLine(text: string, re: RegExp): string {
  const line = text.split('\n').find((x) => re.test(x));
  return (line ?? '').trim().slice(0, 120);
}
