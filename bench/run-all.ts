/**
 * Runs every benchmark in turn (npm run bench). Not part of npm test. Exits non-zero when a
 * benchmark fails, e.g. a request answered non-2xx or timed out. Raw figures: bench/.out/.
 * BENCH_REF=<commit> benchmarks that commit's server instead of the working tree.
 */
import { coldStart } from './cold-start.js';
import { machine } from './lib/machine.js';
import { SERVER, writeRaw } from './lib/paths.js';
import { listThroughput } from './list-throughput.js';
import { registrationBench } from './registration.js';

const benchmarks: Array<[string, () => Promise<void>]> = [
  ['cold start', coldStart],
  ['list throughput', listThroughput],
  ['registration and check-in', registrationBench],
];

const startedAt = performance.now();
const before = machine();
console.log(`server: ${SERVER.source}`);
console.log(
  `machine: ${before.nproc} CPUs (${before.cpuModel}), ${before.memoryGiB} GiB, node ${before.node}`,
);
console.log(`load average before: ${before.loadAverage.join(' ')}\n`);

const failures: string[] = [];
for (const [name, run] of benchmarks) {
  console.log(`=== ${name}`);
  try {
    await run();
  } catch (error) {
    failures.push(name);
    console.error(`${name} FAILED:`, error instanceof Error ? error.message : error);
  }
  console.log();
}

const seconds = (performance.now() - startedAt) / 1000;
writeRaw('machine', {
  before,
  loadAverageAfter: machine().loadAverage,
  totalSeconds: Number(seconds.toFixed(1)),
});
console.log(
  `all benchmarks took ${seconds.toFixed(0)} s; load average after: ${machine().loadAverage.join(' ')}`,
);
if (failures.length) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exit(1);
}
process.exit(0);
