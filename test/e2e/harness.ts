import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

/** Debian's chromium (the machine cannot download Playwright's), with the flags a closed network needs. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = fileURLToPath(new URL('../../', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Builds the renderer into a folder of the test's own, so parallel e2e files never share one. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir } });
}
