import { homedir } from 'node:os';
import path from 'node:path';
import { moveLegacyData } from './legacy-move';

/**
 * The user's folders, one resolver for the CLI, the host and the desktop app, so known hosts,
 * transcripts, keys, journals and the monitor history all land in the same place:
 *
 *   HOTPAIR_DATA_DIR / HOTPAIR_STATE_DIR   always win (tests, portable installs)
 *   Linux    $XDG_DATA_HOME/hotpair  (~/.local/share/hotpair),  state $XDG_STATE_HOME/hotpair
 *   macOS    ~/Library/Application Support/HotPair,             state <data>/state
 *   Windows  %APPDATA%\HotPair  (~\AppData\Roaming\HotPair),     state <data>\state
 *
 * The desktop app follows this too: Electron main sets its userData to dataDir().
 */
export interface FolderContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

/** The product's folder name where the platform's convention is capitalised (macOS, Windows). */
const APP_FOLDER = 'HotPair';
/** …and where it is lower case (XDG). */
const XDG_FOLDER = 'hotpair';

const current = (): FolderContext => ({ platform: process.platform, env: process.env, home: homedir() });
const joiner = (platform: NodeJS.Platform) => (platform === 'win32' ? path.win32.join : path.posix.join);

/** Where the platform keeps per-user application data, ignoring overrides. */
export function platformDataDir(c: FolderContext): string {
  const join = joiner(c.platform);
  if (c.platform === 'win32') return join(c.env.APPDATA || join(c.home, 'AppData', 'Roaming'), APP_FOLDER);
  if (c.platform === 'darwin') return join(c.home, 'Library', 'Application Support', APP_FOLDER);
  return join(c.env.XDG_DATA_HOME || join(c.home, '.local', 'share'), XDG_FOLDER);
}

/**
 * Where earlier releases put keys, journals and the monitor history on macOS and Windows (the
 * Linux layout, under the home folder); undefined where that was already the right place.
 */
export function legacyDataDir(c: FolderContext): string | undefined {
  if (c.platform !== 'darwin' && c.platform !== 'win32') return undefined;
  return joiner(c.platform)(c.home, '.local', 'share', XDG_FOLDER);
}

let moved = false;

export function dataDir(c?: FolderContext): string {
  const ctx = c ?? current();
  if (ctx.env.HOTPAIR_DATA_DIR) return ctx.env.HOTPAIR_DATA_DIR;
  const dir = platformDataDir(ctx);
  if (!c && !moved) {
    // Once per process, and only for the real folders: a test passing its own context moves nothing.
    moved = true;
    const legacy = legacyDataDir(ctx);
    if (legacy) moveLegacyData(legacy, dir);
  }
  return dir;
}

export function stateDir(c?: FolderContext): string {
  const ctx = c ?? current();
  if (ctx.env.HOTPAIR_STATE_DIR) return ctx.env.HOTPAIR_STATE_DIR;
  const join = joiner(ctx.platform);
  if (ctx.platform === 'win32' || ctx.platform === 'darwin') return join(dataDir(c), 'state');
  return join(ctx.env.XDG_STATE_HOME || join(ctx.home, '.local', 'state'), XDG_FOLDER);
}
