import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.js';

/**
 * Where uploaded bytes live, addressed by a key such as `images/2026/11/<uuid>.webp`. The local
 * directory is the default; a shared volume lets several server processes use the same files.
 * Another backend (S3-compatible, …) implements the same four operations.
 */
export interface Storage {
  /** Writes the bytes under the key, replacing what was there (atomically for readers). */
  put(key: string, data: Buffer): Promise<void>;
  /** A stream of the bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<{ stream: Readable; bytes: number } | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Keys are relative, slash-separated, and made of safe characters only (no `..`, no absolute paths). */
const KEY_RE = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

export function assertStorageKey(key: string) {
  if (!KEY_RE.test(key) || key.split('/').some((part) => part === '..' || part.startsWith('.'))) {
    throw new Error(`invalid storage key: ${key}`);
  }
}

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private file(key: string) {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer) {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader never sees a half-written file.
    const temp = `${target}.${randomUUID()}.part`;
    await writeFile(temp, data);
    await rename(temp, target);
  }

  async get(key: string) {
    const target = this.file(key);
    try {
      const info = await stat(target);
      if (!info.isFile()) return null;
      return { stream: createReadStream(target), bytes: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.file(key), { force: true });
  }

  async exists(key: string) {
    try {
      return (await stat(this.file(key))).isFile();
    } catch {
      return false;
    }
  }
}

const byRoot = new Map<string, Storage>();

/** The storage of this configuration (one instance per directory). */
export function storageFor(config: Pick<Config, 'filesDir'>): Storage {
  let storage = byRoot.get(config.filesDir);
  if (!storage) {
    storage = new LocalStorage(config.filesDir);
    byRoot.set(config.filesDir, storage);
  }
  return storage;
}
