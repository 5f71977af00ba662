import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_NAME } from '../core/base/product';

/**
 * The folder holding HotPair's package.json (resources/, renderer/dist/ beside it). Found by
 * walking up, because this module runs from src/host under tsx and vitest, from a chunk under
 * out/cli/ when built, and from Electron's CommonJS bundle (no import.meta.url there).
 */
export function appRoot(): string {
  let dir = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
  for (;;) {
    if (isOurPackage(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('HotPair cannot find its own package.json above its code.');
    dir = up;
  }
}

function isOurPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === PRODUCT_NAME;
  } catch {
    return false;
  }
}
