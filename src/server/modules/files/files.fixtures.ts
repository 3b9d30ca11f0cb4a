import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A multipart/form-data body as a browser sends it: text fields first, then the file. */
export function multipart(
  file: { data: Buffer; filename: string; contentType: string } | null,
  fields: Record<string, string> = {},
) {
  const boundary = `----guanmo${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const asJpegFile = (data: Buffer, filename = 'photo.jpg') => ({
  data,
  filename,
  contentType: 'image/jpeg',
});

/** A JPEG carrying camera EXIF, GPS coordinates and an orientation tag (6 = rotate 90° to view). */
export function jpegWithGps(width = 800, height = 600) {
  return sharp({ create: { width, height, channels: 3, background: '#3b7dd8' } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'GuanmoCam', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 32/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '114/1 3/1 0/1',
      },
    })
    .toBuffer();
}

export const pngImage = (width = 640, height = 480, colour = '#e07b39') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/**
 * A decompression bomb: a 10000 × 10000 (100 megapixel) solid PNG that is only ~100 kB on the
 * wire, far above the 40 megapixel limit.
 */
export const pngBomb = () =>
  sharp({
    create: { width: 10000, height: 10000, channels: 3, background: '#ffffff' },
    limitInputPixels: false,
  })
    .toColourspace('b-w')
    .png({ compressionLevel: 9 })
    .toBuffer();
