import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Per-user folders. HOTPAIR_DATA_DIR / HOTPAIR_STATE_DIR override (tests, portable installs);
 * otherwise the XDG locations Linux users expect (macOS and Windows fall back to the same layout
 * under the home folder, which Electron's app.getPath('userData') replaces in the desktop app).
 */
export function dataDir(): string {
  if (process.env.HOTPAIR_DATA_DIR) return process.env.HOTPAIR_DATA_DIR;
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'hotpair');
}

export function stateDir(): string {
  if (process.env.HOTPAIR_STATE_DIR) return process.env.HOTPAIR_STATE_DIR;
  return join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'hotpair');
}
