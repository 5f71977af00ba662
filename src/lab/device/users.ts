import { createHash, randomBytes } from 'node:crypto';
import type { LocalUser } from './model';

/**
 * Local-user passwords are kept hashed, as `password hash $h$6$…` in the configuration, so the
 * running config can be rendered, saved and synchronised without ever holding a clear password.
 */
export function hashPassword(password: string, salt = randomBytes(8).toString('base64')): string {
  const digest = createHash('sha512').update(`${salt}:${password}`).digest('base64');
  return `$h$6$${salt}$${digest}`;
}

export function checkPassword(user: LocalUser, password: string): boolean {
  const h = user.passwordHash;
  if (!h) return false;
  const salt = h.split('$')[3];
  return salt !== undefined && hashPassword(password, salt) === h;
}

export type AuthResult = 'ok' | 'change-required' | 'bad' | 'locked';

/**
 * Login failures and lockout, per user name, device-wide (the console and SSH share it).
 * Three wrong passwords lock the name for `lockoutMs`. No timer: the lock expires by comparison.
 */
export class LoginGuard {
  private failures = new Map<string, number>();
  private lockedUntil = new Map<string, number>();
  constructor(
    private readonly now: () => number,
    private readonly lockoutMs: number,
    private readonly maxFailures = 3,
  ) {}

  locked(name: string): boolean {
    const until = this.lockedUntil.get(name);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.lockedUntil.delete(name);
    return false;
  }

  /** Record a failure; true when this failure locks the name. */
  fail(name: string): boolean {
    const n = (this.failures.get(name) ?? 0) + 1;
    if (n < this.maxFailures) {
      this.failures.set(name, n);
      return false;
    }
    this.failures.delete(name);
    this.lockedUntil.set(name, this.now() + this.lockoutMs);
    return true;
  }

  succeed(name: string): void {
    this.failures.delete(name);
  }
}
