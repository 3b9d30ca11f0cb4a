import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeXlsx, zipEntries } from './zip-sniff.js';

async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('s').addRow(['a', 'b']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('zip sniffing', () => {
  it('lists the entries of a real workbook and recognises it', async () => {
    const bytes = await xlsx();
    expect(zipEntries(bytes)?.map((e) => e.name)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']),
    );
    expect(looksLikeXlsx(bytes, 10_000_000)).toBe(true);
  });

  it('refuses bytes that are not a zip, whatever the file is called', () => {
    for (const text of ['', 'PK', 'name,uscc\n', '%PDF-1.7\n']) {
      expect(zipEntries(Buffer.from(text))).toBeNull();
      expect(looksLikeXlsx(Buffer.from(text), 10_000_000)).toBe(false);
    }
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await xlsx();
    expect(looksLikeXlsx(bytes.subarray(0, bytes.length - 30), 10_000_000)).toBe(false);
  });

  it('refuses a workbook that would unpack to more than the limit', async () => {
    const bytes = await xlsx();
    const unpacked = zipEntries(bytes)?.reduce((sum, e) => sum + e.uncompressedSize, 0) ?? 0;
    expect(looksLikeXlsx(bytes, unpacked)).toBe(true);
    expect(looksLikeXlsx(bytes, unpacked - 1)).toBe(false);
  });
});
