import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh HOTPAIR_DATA_DIR for each test of the calling describe block (journals, transcripts and
 * known hosts land there, not in the user's folder); the previous value comes back afterwards.
 * Returns a getter for the current test's folder.
 */
export function useTempDataDir(prefix: string): () => string {
  let dir = '';
  const saved = process.env.HOTPAIR_DATA_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    process.env.HOTPAIR_DATA_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HOTPAIR_DATA_DIR;
    else process.env.HOTPAIR_DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
