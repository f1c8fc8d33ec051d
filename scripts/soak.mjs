#!/usr/bin/env node
/**
 * `npm run soak -- --seed N --responses 2000`: test/soak/soak.test.ts with
 * another seed and size than the 200-response run of `npm test`. The values
 * reach the browser through /__soak.json (web-test-runner.config.mjs).
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100000) },
    responses: { type: 'string', default: '2000' },
    port: { type: 'string' },
  },
});
const seed = Number(values.seed);
const responses = Number(values.responses);
if (!Number.isInteger(seed) || !Number.isInteger(responses) || responses <= 0) {
  console.error('usage: npm run soak -- [--seed N] [--responses 2000] [--port P]');
  process.exit(2);
}
console.log(`soak: seed ${seed}, ${responses} responses (replay with --seed ${seed})`);
const args = ['wtr', '--files', 'test/soak/soak.test.ts', ...(values.port ? ['--port', values.port] : [])];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, SOAK_SEED: String(seed), SOAK_RESPONSES: String(responses) },
});
child.on('exit', (code) => process.exit(code ?? 1));
