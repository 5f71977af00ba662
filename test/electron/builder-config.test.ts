import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? null).toBeNull();
    expect(ok).toBe(true);
  });

  it('targets AppImage/deb, NSIS and dmg and keeps native modules out of the asar', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/serialport/**', '**/node_modules/@serialport/**', '**/node_modules/better-sqlite3/**']));
    expect(config.files).toEqual(expect.arrayContaining(['out/electron/**', 'renderer/dist/**']));
  });

  it('flips the fuses that keep a packaged app from running foreign code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false, // ELECTRON_RUN_AS_NODE would make the signed binary a plain Node
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
