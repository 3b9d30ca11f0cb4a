import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const catalogs = {
  'zh-CN': JSON.parse(read('src/web/locales/zh-CN.json')) as Record<string, unknown>,
  'en-US': JSON.parse(read('src/web/locales/en-US.json')) as Record<string, unknown>,
};

/** Every leaf of a catalog as a dotted key. */
function leaves(node: unknown, prefix = ''): string[] {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Plural forms (`key_one`, `key_other`) answer for the bare key, as in i18next. */
const keysOf = (catalog: unknown) => {
  const keys = new Set(leaves(catalog));
  for (const key of [...keys]) {
    const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (plural) keys.add(plural[1]);
  }
  return keys;
};
const zhKeys = keysOf(catalogs['zh-CN']);
const enKeys = keysOf(catalogs['en-US']);

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = path.join(rel, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (pattern.test(name) && !/\.test\.tsx?$/.test(name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

/** Every match of the regex's first group in the files, as `key (file)`. */
function scan(files: string[], regex: RegExp, toKey: (match: string) => string = (m) => m) {
  const found: { key: string; file: string }[] = [];
  for (const file of files) {
    for (const match of read(file).matchAll(regex)) found.push({ key: toKey(match[1]), file });
  }
  return found;
}

const missingFrom = (found: { key: string; file: string }[]) => [
  ...new Set(
    found.filter((f) => !zhKeys.has(f.key) || !enKeys.has(f.key)).map((f) => `${f.key} (${f.file})`),
  ),
];

describe('locale catalogs', () => {
  it('have the same keys in zh-CN and en-US', () => {
    expect(
      [...zhKeys].filter((k) => !enKeys.has(k)),
      'in zh-CN only',
    ).toEqual([]);
    expect(
      [...enKeys].filter((k) => !zhKeys.has(k)),
      'in en-US only',
    ).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      const empty = leaves(catalog).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((n, part) => (n as Record<string, unknown>)?.[part], catalog);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, `${lang}: empty or non-string values`).toEqual([]);
    }
  });

  it('contain every literal key the web app translates', () => {
    const files = filesUnder('src/web', /\.tsx?$/);
    const found = [
      ...scan(files, /\bt\(\s*['"]([A-Za-z0-9_.-]+)['"]/g),
      ...scan(files, /\blabelKey:\s*['"]([A-Za-z0-9_.-]+)['"]/g),
    ];
    expect(found.length).toBeGreaterThan(50);
    expect(missingFrom(found)).toEqual([]);
  });

  it('contain the message of every error code the server throws', () => {
    const files = filesUnder('src/server', /\.ts$/);
    const found = scan(
      files,
      /(?:new AppError|\binvalid|\bconflict)\(\s*['"]([a-z0-9_.]+)['"]/g,
      (code) => `errors.${code}`,
    );
    expect(found.length).toBeGreaterThan(10);
    expect(missingFrom(found)).toEqual([]);
  });

  it('contain every key the server and the contract translate', () => {
    const found = [
      ...scan(
        filesUnder('src/server', /\.ts$/),
        /\bt\(\s*(?:ctx\.|tx\.)?lang\s*,\s*['"]([A-Za-z0-9_.]+)['"]/g,
      ),
      ...scan(filesUnder('src/contract', /\.ts$/), /message:\s*['"](validation\.[a-z_]+)['"]/g),
      ...scan(filesUnder('src/server', /\.ts$/), /['"]@(entities\.[a-z_]+)['"]/g),
    ];
    expect(missingFrom(found)).toEqual([]);
  });
});
