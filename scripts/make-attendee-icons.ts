/**
 * Renders public/icons/attendee.svg to the PNG icons of the attendee app's web manifest
 * (observations.install.ts). Run once after changing the SVG; the PNGs are committed.
 *   npx tsx scripts/make-attendee-icons.ts
 */
import path from 'node:path';
import sharp from 'sharp';

const dir = path.resolve(import.meta.dirname, '../public/icons');
for (const size of [192, 512]) {
  const out = path.join(dir, `attendee-${size}.png`);
  await sharp(path.join(dir, 'attendee.svg'), { density: Math.ceil((72 * size) / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(out);
  console.log(out);
}
