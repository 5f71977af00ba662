import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moveLegacyData, MOVE_NOTE } from '../../../../src/core/base/node/legacy-move';
import { dataDir, legacyDataDir, stateDir, type FolderContext } from '../../../../src/core/base/node/paths';

const linux = (env: FolderContext['env'] = {}): FolderContext => ({ platform: 'linux', env, home: '/home/ana' });
const mac = (env: FolderContext['env'] = {}): FolderContext => ({ platform: 'darwin', env, home: '/Users/ana' });
const win = (env: FolderContext['env'] = {}): FolderContext => ({ platform: 'win32', env, home: 'C:\\Users\\ana' });

describe('the user folders, per platform', () => {
  it('Linux: XDG_DATA_HOME / XDG_STATE_HOME, else ~/.local/share and ~/.local/state', () => {
    expect(dataDir(linux())).toBe('/home/ana/.local/share/hotpair');
    expect(stateDir(linux())).toBe('/home/ana/.local/state/hotpair');
    expect(dataDir(linux({ XDG_DATA_HOME: '/data/ana', XDG_STATE_HOME: '/state/ana' }))).toBe('/data/ana/hotpair');
    expect(stateDir(linux({ XDG_DATA_HOME: '/data/ana', XDG_STATE_HOME: '/state/ana' }))).toBe('/state/ana/hotpair');
    // An empty variable is unset, not the current folder.
    expect(dataDir(linux({ XDG_DATA_HOME: '' }))).toBe('/home/ana/.local/share/hotpair');
    expect(legacyDataDir(linux())).toBeUndefined();
  });

  it('macOS: ~/Library/Application Support/HotPair for everything', () => {
    expect(dataDir(mac())).toBe('/Users/ana/Library/Application Support/HotPair');
    expect(stateDir(mac())).toBe('/Users/ana/Library/Application Support/HotPair/state');
    expect(dataDir(mac({ XDG_DATA_HOME: '/elsewhere' }))).toBe('/Users/ana/Library/Application Support/HotPair');
    expect(legacyDataDir(mac())).toBe('/Users/ana/.local/share/hotpair');
  });

  it('Windows: %APPDATA%\\HotPair, else the roaming folder under the profile', () => {
    expect(dataDir(win({ APPDATA: 'D:\\Roaming' }))).toBe('D:\\Roaming\\HotPair');
    expect(dataDir(win())).toBe('C:\\Users\\ana\\AppData\\Roaming\\HotPair');
    expect(stateDir(win({ APPDATA: 'D:\\Roaming' }))).toBe('D:\\Roaming\\HotPair\\state');
    expect(legacyDataDir(win())).toBe('C:\\Users\\ana\\.local\\share\\hotpair');
  });

  it('HOTPAIR_DATA_DIR and HOTPAIR_STATE_DIR win everywhere (the desktop app takes the same folder)', () => {
    for (const c of [linux, mac, win]) {
      expect(dataDir(c({ HOTPAIR_DATA_DIR: '/portable/data' }))).toBe('/portable/data');
      expect(stateDir(c({ HOTPAIR_STATE_DIR: '/portable/state' }))).toBe('/portable/state');
    }
  });
});

describe('moving files from the old folder, once', () => {
  const root = mkdtempSync(join(tmpdir(), 'hotpair-move-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const world = () => {
    const base = join(root, String(n++));
    const from = join(base, 'old');
    const to = join(base, 'new');
    mkdirSync(join(from, 'transcripts'), { recursive: true });
    mkdirSync(join(from, 'keys'), { recursive: true });
    return { from, to };
  };

  it('moves what the new folder lacks, merges known hosts, never overwrites, and leaves a note', () => {
    const { from, to } = world();
    writeFileSync(join(from, 'known_hosts'), 'fw1 ssh-ed25519 AAAA1\nfw2 ssh-ed25519 AAAA2\n');
    writeFileSync(join(from, 'transcripts', 'FW1-20260101T000000Z.jsonl'), '{"old":1}\n');
    writeFileSync(join(from, 'keys', 'signing.key'), 'old key');
    writeFileSync(join(from, 'monitor.sqlite'), 'old db');
    writeFileSync(join(from, 'monitor.sqlite-wal'), 'old wal');
    mkdirSync(join(to, 'keys'), { recursive: true });
    writeFileSync(join(to, 'known_hosts'), 'fw2 ssh-ed25519 AAAA2\nfw3 ssh-ed25519 AAAA3\n');
    writeFileSync(join(to, 'keys', 'signing.key'), 'new key');
    writeFileSync(join(to, 'monitor.sqlite'), 'new db');
    // Even an older file in the new folder is kept: the app has been using it.
    utimesSync(join(to, 'keys', 'signing.key'), new Date('2020-01-01'), new Date('2020-01-01'));

    const r = moveLegacyData(from, to, new Date('2026-02-03T04:05:06Z'));
    expect(r).toEqual({
      moved: ['transcripts'],
      merged: ['known_hosts'],
      left: [join('keys', 'signing.key'), 'monitor.sqlite', 'monitor.sqlite-wal'],
    });
    expect(readFileSync(join(to, 'known_hosts'), 'utf8')).toBe('fw2 ssh-ed25519 AAAA2\nfw3 ssh-ed25519 AAAA3\nfw1 ssh-ed25519 AAAA1\n');
    expect(readFileSync(join(to, 'transcripts', 'FW1-20260101T000000Z.jsonl'), 'utf8')).toBe('{"old":1}\n');
    expect(readFileSync(join(to, 'keys', 'signing.key'), 'utf8')).toBe('new key');
    expect(readFileSync(join(to, 'monitor.sqlite'), 'utf8')).toBe('new db');
    // The old database's log stays with its database, never next to another one.
    expect(existsSync(join(to, 'monitor.sqlite-wal'))).toBe(false);
    expect(existsSync(join(from, 'known_hosts'))).toBe(false);
    const note = readFileSync(join(from, MOVE_NOTE), 'utf8');
    expect(note).toContain(`2026-02-03T04:05:06.000Z HotPair moved your files from\n  ${from}\nto the folder it uses on this system\n  ${to}\n`);
    expect(note).toMatch(/left here[^\n]*:\n {2}keys.signing\.key\n {2}monitor\.sqlite\n/);
    expect(readFileSync(join(to, 'MOVED-FROM-OLD-FOLDER.txt'), 'utf8')).toBe(note);
  });

  it('moves into an empty new folder whole, and does it only once', () => {
    const { from, to } = world();
    writeFileSync(join(from, 'known_hosts'), 'fw1 ssh-ed25519 AAAA1\n');
    writeFileSync(join(from, 'keys', 'signing.key'), 'key');
    const mtime = statSync(join(from, 'keys', 'signing.key')).mtimeMs;
    expect(moveLegacyData(from, to)).toMatchObject({ moved: ['keys', 'known_hosts', 'transcripts'], merged: [], left: [] });
    expect(readFileSync(join(to, 'known_hosts'), 'utf8')).toBe('fw1 ssh-ed25519 AAAA1\n');
    expect(statSync(join(to, 'keys', 'signing.key')).mtimeMs).toBe(mtime);
    writeFileSync(join(from, 'known_hosts'), 'written later by an old release\n');
    expect(moveLegacyData(from, to)).toBeUndefined();
    expect(readFileSync(join(to, 'known_hosts'), 'utf8')).toBe('fw1 ssh-ed25519 AAAA1\n');
  });

  it('does nothing without an old folder, or when both are the same', () => {
    const { to } = world();
    expect(moveLegacyData(join(root, 'never-there'), to)).toBeUndefined();
    expect(moveLegacyData(to, to)).toBeUndefined();
  });
});
