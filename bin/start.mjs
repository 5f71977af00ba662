#!/usr/bin/env node
// Placeholder until the desktop app lands (issue 7): say so, and show what works today.
console.log('HotPair: the desktop app is not built yet; the command line works today:\n');
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main([process.argv[0], 'hotpair', '--help']);
