#!/usr/bin/env node
// Runs the TypeScript CLI straight from a clone (npx hotpair …) without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
