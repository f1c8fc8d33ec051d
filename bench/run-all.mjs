/**
 * `npm run bench`: the navigation benchmark, then the app benchmark, each in
 * its own process (they each start a browser and would skew each other if run
 * together). Both always run, so one miss does not hide the other's figures.
 * Exit code: 2 if either harness failed, else 1 if either missed a target or
 * budget, else 0. Arguments are passed to both (e.g. --profile).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['navigation-bench.mjs', 'app-bench.mjs'];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, script), ...process.argv.slice(2)], { stdio: 'inherit' });
    child.on('error', () => resolve(2));
    child.on('exit', (code, signal) => resolve(signal ? 2 : code));
  });
}

const codes = [];
for (const script of BENCHES) {
  const code = await run(script);
  codes.push(code);
  console.log(`\n${script}: exit ${code} (${code === 0 ? 'all met' : code === 1 ? 'missed' : 'harness failed'})\n`);
}
process.exit(codes.some((c) => c !== 0 && c !== 1) ? 2 : codes.includes(1) ? 1 : 0);
