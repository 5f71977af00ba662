/** Where HotPair keeps per-user state (known hosts, transcripts): the platform's data directory. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HOTPAIR_DATA_DIR) return env.HOTPAIR_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'HotPair');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'HotPair');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hotpair');
}
