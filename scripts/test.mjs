// `npm test`: typecheck, lint, the unit/route suite on PGlite and (when TEST_DATABASE_URL is set)
// again on PostgreSQL, then the browser journeys. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: ${res.status === 0 ? 'ok' : `FAILED (exit ${res.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`,
  );
  if (res.status !== 0) ok = false;
  return res.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  // A flaky test failed once and passed on its retry: it counts as passed and is named below.
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  if (stats.flaky)
    console.log(`(${stats.flaky} browser journey(s) passed only on retry: see the report above)`);
  totals.skipped += stats.skipped ?? 0;
}

const only = process.argv[2];
if (!only || only === 'static') {
  run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', 'npx', ['biome', 'check', '.']);
}
if (!only || only === 'unit') {
  const pgliteReport = '.tmp/vitest-pglite.json';
  rmSync(pgliteReport, { force: true });
  const { TEST_DATABASE_URL, ...withoutPg } = process.env;
  console.log('\n=== unit and route tests on PGlite ===');
  const res = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`],
    {
      stdio: 'inherit',
      env: withoutPg,
    },
  );
  if (res.status !== 0) ok = false;
  countVitest(pgliteReport);
  if (TEST_DATABASE_URL) {
    const pgReport = '.tmp/vitest-postgres.json';
    rmSync(pgReport, { force: true });
    run('unit and route tests on PostgreSQL', 'npx', [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${pgReport}`,
    ]);
    countVitest(pgReport);
  } else {
    console.log('(TEST_DATABASE_URL is not set: the PostgreSQL run is skipped)');
  }
}
if (!only || only === 'e2e') {
  const e2eReport = '.tmp/playwright.json';
  rmSync(e2eReport, { force: true });
  run('browser journeys (Playwright, Debian Chromium)', 'node', ['scripts/run-e2e.mjs'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  countPlaywright(e2eReport);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
