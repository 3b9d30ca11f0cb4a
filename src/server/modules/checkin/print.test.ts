import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildOpenEvent, registerInput } from '../registrations/registrations.factories.js';
import { register } from '../registrations/registrations.service.js';

let t: TestApp;
let staff: TestClient;
let eventId: string;
let fieldId: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-27T09:00:00+08:00');
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  const { event } = await buildOpenEvent(t);
  eventId = event.id;
  fieldId = (
    await staff.put(`/api/v1/events/${event.id}/registration-fields`, [
      { label: '是否需要停车位', type: 'yes_no' },
    ])
  ).json()[0].id;
  const unit = (await buildMemberUnit(t.database, { name: '示例市万象物业服务有限公司' })).id;
  for (const name of ['张三丰', '李小龙', '王重阳']) {
    await register(
      t.ctx(),
      event.id,
      registerInput(unit, { name, answers: { [fieldId]: name === '张三丰' } }),
    );
  }
  await staff.post(`/api/v1/events/${event.id}/groups/auto`, {
    eventSiteId: event.sites[0].id,
    mode: 'count',
    value: 2,
  });
});
afterAll(() => t.close());

const pdfText = (bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'guanmo-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

describe('print and export', () => {
  it('refuses members and hosts', async () => {
    const host = await t.as(await buildUser(t.database, { role: 'host' }));
    for (const url of ['badges.pdf', 'sign-in-sheet.pdf', 'sign-in-sheet.xlsx', 'registrations.xlsx']) {
      expect((await host.get(`/api/v1/events/${eventId}/${url}`)).statusCode).toBe(403);
    }
    expect((await t.anonymous().get(`/api/v1/events/${eventId}/badges.pdf`)).statusCode).toBe(401);
  });

  it('prints badges with the Chinese names, unit and group embedded in the PDF', async () => {
    const res = await staff.get(`/api/v1/events/${eventId}/badges.pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (process.env.GUANMO_KEEP_PRINTS) writeFileSync('.tmp/badges.pdf', res.rawPayload);
    const text = pdfText(res.rawPayload);
    for (const s of ['张三丰', '李小龙', '王重阳', '示例市万象物业服务有限公司', '第1组'])
      expect(text).toContain(s);
  });

  it('prints the sign-in sheet by group with masked mobiles and a signature column', async () => {
    const sheet = (await staff.get(`/api/v1/events/${eventId}/sign-in-sheet.pdf?by=group`)).rawPayload;
    if (process.env.GUANMO_KEEP_PRINTS) writeFileSync('.tmp/sign-in-sheet.pdf', sheet);
    const text = pdfText(sheet);
    expect(text).toContain('签到表');
    expect(text).toContain('签名');
    expect(text).toMatch(/\*{4}\d{4}/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('exports the sign-in sheet as XLSX, one worksheet per unit', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await staff.get(`/api/v1/events/${eventId}/sign-in-sheet.xlsx?by=unit`)).rawPayload as never,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['示例市万象物业服务有限公司']);
    expect(workbook.worksheets[0].rowCount).toBe(4);
  });

  it('exports registrations with custom answers, consent and check-in times', async () => {
    const list = (await staff.get(`/api/v1/events/${eventId}/checkin/list`)).json();
    await staff.post(`/api/v1/events/${eventId}/checkin/scans`, {
      nonce: 'print-test-nonce-1',
      registrationId: list[0].registrationId,
    });
    const res = await staff.get(`/api/v1/events/${eventId}/registrations.xlsx`);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['姓名', '是否需要停车位', '同意个人信息处理时间', '签到时间']),
    );
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const zhang = rows.find((r) => r[1] === '张三丰')!;
    expect(zhang[header.indexOf('是否需要停车位') + 1]).toBe('是');
    expect(zhang[header.indexOf('同意个人信息处理时间') + 1]).toBe('2026-11-27 09:00');
    expect(rows.filter((r) => r[header.indexOf('签到时间') + 1])).toHaveLength(1);
  });
});
