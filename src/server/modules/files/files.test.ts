import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../contract/files.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_FILES_DIR, type TestApp, type TestClient } from '../../test/harness.js';
import { asJpegFile, jpegWithGps, multipart, pngBomb, pngImage } from './files.fixtures.js';
import { files } from './files.table.js';

let t: TestApp;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

const upload = (client: TestClient, file: Parameters<typeof multipart>[0]) => {
  const { body, headers } = multipart(file);
  return client.post('/api/v1/files', body, headers);
};

describe('POST /api/v1/files', () => {
  it('refuses an anonymous upload with 401', async () => {
    const res = await upload(t.anonymous(), asJpegFile(await jpegWithGps()));
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('answers 415 to a JSON body', async () => {
    const res = await member.post('/api/v1/files', { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('request.unsupported_media_type');
  });

  it('answers 400 when the form has no file', async () => {
    const { body, headers } = multipart(null, { caption: 'x' });
    const res = await member.post('/api/v1/files', body, headers);
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('files.missing');
  });

  it('refuses a text file renamed to .jpg (type checked by content)', async () => {
    const res = await upload(member, asJpegFile(Buffer.from('just some text, not a picture\n'.repeat(50))));
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('files.unsupported_type');
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#4a4' } })
      .jpeg()
      .toBuffer();
    const res = await upload(member, asJpegFile(jpeg.subarray(0, Math.floor(jpeg.length * 0.6))));
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('files.image_invalid');
  });

  it('refuses a decompression bomb (small PNG, 100 megapixels) with a pixel-limit message', async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await t
      .as(await buildUser(t.database, { role: 'staff' }), 'en-US')
      .then((c) => upload(c, { data: bomb, filename: 'bomb.png', contentType: 'image/png' }));
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('files.too_many_pixels');
    expect(body.detail).toContain('40 megapixels');
  });

  it('answers 413 to a file over the size limit', async () => {
    const big = Buffer.alloc(FILE_LIMITS.maxUploadBytes + 1024, 0x41);
    const res = await upload(member, asJpegFile(big));
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('files.too_large');
  });

  it('stores a JPEG without EXIF or GPS, auto-rotated, as WebP with a thumbnail', async () => {
    const original = await jpegWithGps(800, 600);
    const before = await sharp(original).metadata();
    expect(before.exif?.length).toBeGreaterThan(0); // the fixture really carries EXIF …
    expect(before.exif?.includes(Buffer.from('GuanmoCam'))).toBe(true);
    expect(before.orientation).toBe(6); // … and an orientation

    const res = await upload(member, asJpegFile(original));
    expect(res.statusCode).toBe(201);
    const stored = res.json();
    // Orientation 6 turns the 800 × 600 pixels upright to 600 × 800.
    expect(stored).toMatchObject({ mime: 'image/webp', width: 600, height: 800 });

    const [row] = await t.database.db.select().from(files).where(eq(files.id, stored.id));
    for (const key of [row.storageKey, row.thumbKey!]) {
      const bytes = await readFile(path.join(TEST_FILES_DIR, ...key.split('/')));
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(bytes.includes(Buffer.from('GuanmoCam'))).toBe(false);
    }
    const served = await member.get(stored.url);
    expect(served.statusCode).toBe(200);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('resizes a large image to fit 2560 px and its thumbnail to fit 400 px', async () => {
    const res = await upload(member, {
      data: await pngImage(4000, 1000),
      filename: 'wide.png',
      contentType: 'image/png',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 2560, height: 640 });
    const thumb = await member.get(res.json().thumbUrl);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([400, 100]);
  });
});

describe('GET /api/v1/files/:id', () => {
  let fileId: string;
  beforeAll(async () => {
    const res = await upload(member, { data: await pngImage(), filename: 'a.png', contentType: 'image/png' });
    fileId = res.json().id;
  });

  it('answers 401 to an anonymous caller for a file that is not public', async () => {
    const res = await t.anonymous().get(`/api/v1/files/${fileId}`);
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('answers 404 to another member', async () => {
    const other = await t.as(await buildUser(t.database, { role: 'member' }));
    const res = await other.get(`/api/v1/files/${fileId}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });

  it('answers 400 to an id that is not a UUID', async () => {
    const res = await member.get('/api/v1/files/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('validation.failed');
  });

  it('serves the uploader the image with its type, a private cache header and an ETag', async () => {
    const res = await member.get(`/api/v1/files/${fileId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const again = await member.get(`/api/v1/files/${fileId}`, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('serves staff any file', async () => {
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    expect((await staff.get(`/api/v1/files/${fileId}/thumb`)).statusCode).toBe(200);
  });
});
