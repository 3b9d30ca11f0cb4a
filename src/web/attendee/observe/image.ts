/**
 * Photos are made smaller on the phone before they are stored and sent: a 12-megapixel camera
 * picture (4–6 MB) becomes a JPEG of at most 1600 px on its long side (~300 kB), which uploads on a
 * poor connection. The browser applies the EXIF orientation while decoding.
 */
export const MAX_PHOTO_SIDE = 1600;
export const JPEG_QUALITY = 0.8;

export type Picture = { canvas: HTMLCanvasElement; width: number; height: number };

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height };
    } catch {
      // older in-app browsers: fall back to an <img>
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Fits `width × height` into a square of `max` px, keeping the ratio. */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes an image file and draws it, downscaled, on a new canvas. */
export async function downscale(file: Blob): Promise<Picture> {
  const image = await decode(file);
  const { width, height } = fitWithin(image.width, image.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image.source, 0, 0, width, height);
  if ('close' in image.source && typeof image.source.close === 'function') image.source.close();
  return { canvas, width, height };
}

export function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', JPEG_QUALITY),
  );
}
