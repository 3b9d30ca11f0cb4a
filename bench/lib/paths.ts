import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT_DIR = path.join(ROOT, 'bench/.out');

/** Appends a section to bench/RESULTS.md; BENCH_DRY=1 (a trial run) leaves the file alone. */
export function appendToResults(markdown: string) {
  if (process.env.BENCH_DRY !== '1') appendFileSync(path.join(ROOT, 'bench/RESULTS.md'), markdown);
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/**
 * The source tree whose server is benchmarked: the working tree, or with BENCH_REF=<commit> a
 * snapshot of that commit exported to a temporary directory (node_modules linked), so figures
 * belong to one commit even while the working tree is being edited.
 */
function exportServerSource() {
  const ref = process.env.BENCH_REF;
  if (!ref) {
    const dirty = git('status', '--porcelain', '--', 'src').length > 0;
    return {
      root: ROOT,
      source: `working tree at ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`,
    };
  }
  const commit = git('rev-parse', '--short', ref);
  const root = mkdtempSync(path.join(os.tmpdir(), `guanmo-bench-src-${commit}-`));
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  return { root, source: `commit ${commit}` };
}

export const SERVER = exportServerSource();

/** Writes one benchmark's raw figures to bench/.out/<name>.json (git-ignored). */
export function writeRaw(name: string, data: unknown) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ server: SERVER.source, ...(data as object) }, null, 2)}\n`);
  return file;
}
