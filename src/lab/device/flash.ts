/**
 * A lab device's flash: the saved configuration as a real file, written by `save` the way Comware
 * writes it (CRLF line ends, `return` and a final line end), so a byte-exact copy taken over SFTP
 * differs from the `display saved-configuration` text and a test can tell the two apart. Kept
 * in a folder (the lab's state dir) when one is given, else in memory.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `save` (and `save force`) writes: Comware's default next-startup file. */
export const STARTUP_FILE = 'startup.cfg';
export const FLASH_DRIVE = 'flash:';

export function startupFileBytes(lines: readonly string[]): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export class LabFlash {
  private readonly files = new Map<string, Buffer>();

  constructor(readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  write(name: string, bytes: Buffer): void {
    this.files.set(name, bytes);
    if (!this.dir) return;
    // rename over the old file: an SFTP read in progress never sees half a configuration
    const tmp = join(this.dir, `.${name}.tmp`);
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, join(this.dir, name));
  }

  read(name: string): Buffer | undefined {
    if (!this.dir) return this.files.get(name);
    try {
      return readFileSync(join(this.dir, name));
    } catch {
      return undefined;
    }
  }

  has(name: string): boolean {
    return this.files.has(name) || this.read(name) !== undefined;
  }
}
