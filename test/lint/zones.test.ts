import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The dependency direction of docs/architecture.md, as `npm run lint` enforces it: each case
// lints one import as if it were written in the named file.
const ROOT = join(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, file) });
  return r!.messages.filter((m) => m.ruleId === 'hotpair/zones').map((m) => m.message);
}

describe('lint zones', () => {
  it('keep Electron main off the CLI and the lab', async () => {
    expect(await zoneErrors('electron/main/x.ts', "import { registerServe } from '../../src/cli/commands/serve';")).toEqual([expect.stringMatching(/^electron must not import src\/cli/)]);
    expect(await zoneErrors('electron/main/x.ts', "import { startLab } from '../../src/lab/lab';")).toEqual([expect.stringMatching(/^electron must not import src\/lab/)]);
    expect(await zoneErrors('electron/main/x.ts', "import { createLabAdapter } from '../../src/host/lab-adapter';\nimport { ok } from '../../src/core/base/result';")).toEqual([]);
  });

  it('keep the lab off the tool, while its own cli/ folder stays its own', async () => {
    expect(await zoneErrors('src/lab/x.ts', "import { createHost } from '../host/host';")).toEqual([expect.stringMatching(/^src\/lab must not import src\/host/)]);
    expect(await zoneErrors('src/lab/x.ts', "import { main } from '../cli/main';")).toEqual([expect.stringMatching(/^src\/lab must not import src\/cli/)]);
    expect(await zoneErrors('src/lab/device/x.ts', "import { CliSession } from '../cli/engine';")).toEqual([]); // src/lab/cli
  });

  it('let the host load the lab in its lab adapter only, and never import the CLI', async () => {
    expect(await zoneErrors('src/host/lab-adapter.ts', "const lab = () => import('../lab/lab');")).toEqual([]);
    expect(await zoneErrors('src/host/handlers/x.ts', "const lab = () => import('../../lab/lab');")).toEqual([expect.stringMatching(/^src\/host must not import src\/lab/)]);
    expect(await zoneErrors('src/host/x.ts', "export { main } from '../cli/main';")).toEqual([expect.stringMatching(/^src\/host must not import src\/cli/)]);
  });

  it('keep core and the renderer pure', async () => {
    expect(await zoneErrors('src/core/model/x.ts', "import { channels } from '../../contract/index';")).toEqual([expect.stringMatching(/^src\/core must not import src\/contract/)]);
    expect(await zoneErrors('src/core/model/x.ts', "import { dataDir } from '../base/node/paths';")).toHaveLength(1);
    expect(await zoneErrors('renderer/src/x.ts', "import { createHost } from '../../src/host/host';")).toEqual([expect.stringMatching(/^renderer\/src must not import src\/host/)]);
  });
});
