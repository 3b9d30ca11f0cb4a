import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../contract/uscc.js';
import { buildMemberUnit, buildUser, memberUnitInput } from '../../test/factories.js';
import { actorOf, createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { IMPORT_COLUMNS } from './member-units.excel.js';
import { upsertMemberUnits } from './member-units.service.js';
import { memberUnits, unitContacts } from './member-units.table.js';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const BASE = '/api/v1/member-units';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

/** A valid credit code not used by any other test. */
function freshUscc() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `9144${Array.from(randomBytes(13), (b) => alphabet[b % 31]).join('')}`;
  return body + usccCheckChar(body);
}

type Cells = Partial<Record<string, string | number>>;
function row(overrides: Cells = {}): Cells {
  return {
    单位名称: `导入测试物业有限公司${randomBytes(3).toString('hex')}`,
    统一社会信用代码: freshUscc(),
    单位类型: '物业服务企业',
    会员级别: '理事单位',
    管理项目类型: '普通住宅、老旧小区',
    地址: '示例市示例区导入路 8 号',
    在管项目数: 6,
    员工人数: 200,
    联系人: '李四',
    职务: '经理',
    联系人手机: '13812345678',
    联系人邮箱: 'lisi@example.com',
    备注: '',
    ...overrides,
  };
}

async function workbook(rows: Cells[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员单位');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer, filename = 'units.xlsx', field = 'file') {
  const boundary = `----guanmo${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function preview(client: TestClient, content: Buffer, filename?: string, field?: string) {
  const { body, headers } = multipart(content, filename, field);
  return client.post(`${BASE}/import/preview`, body, headers);
}

async function loadXlsx(bytes: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof bytes === 'string' ? Buffer.from(bytes, 'binary') : bytes) as never);
  return wb;
}

const unitCount = async () => (await t.database.db.select({ n: count() }).from(memberUnits))[0].n;

describe('GET /member-units/import/template', () => {
  it('is 401 anonymous', async () => {
    const res = await t.anonymous().get(`${BASE}/import/template`);
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('is 403 for a member', async () => {
    const res = await member.get(`${BASE}/import/template`);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('downloads an xlsx with the Chinese header row, an example row and the allowed values', async () => {
    const res = await staff.get(`${BASE}/import/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/attachment;.*filename\*=UTF-8''/);
    const wb = await loadXlsx(res.rawPayload);
    const data = wb.worksheets[0];
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(data.getRow(2).getCell(1).value).toBeTruthy();
    const help = wb.getWorksheet('填写说明');
    expect(help).toBeDefined();
    const helpText = JSON.stringify(help?.getSheetValues());
    for (const label of ['物业服务企业', '会长单位', '会员单位', '高端住宅', '学校/医院']) {
      expect(helpText).toContain(label);
    }
    const typeValidation = data.getCell('C2').dataValidation;
    expect(typeValidation?.type).toBe('list');
    expect(String(typeValidation?.formulae?.[0])).toContain('开发建设单位');
  });

  it('imports as empty when only the example row is left in it', async () => {
    const template = (await staff.get(`${BASE}/import/template`)).rawPayload;
    const res = await preview(staff, template);
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('member_units.import_empty');
  });
});

describe('POST /member-units/import/preview', () => {
  it('is 401 anonymous and 403 for a member', async () => {
    const file = await workbook([row()]);
    expect((await preview(t.anonymous(), file)).statusCode).toBe(401);
    const res = await preview(member, file);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('refuses a renamed non-xlsx file with a clear 400', async () => {
    const res = await preview(staff, Buffer.from('name,uscc\nfoo,bar\n'), 'units.xlsx');
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('member_units.import_file_invalid');
    expect(body.detail).toContain('Excel');
  });

  it('refuses a zip that is not a workbook', async () => {
    // A docx-like zip: the PK signature alone does not make an xlsx.
    const wb = await workbook([row()]);
    const broken = Buffer.from(wb);
    for (let at = broken.indexOf('xl/workbook.xml'); at >= 0; at = broken.indexOf('xl/workbook.xml', at)) {
      broken.write('xx/workbook.xml', at, 'latin1');
    }
    const res = await preview(staff, broken);
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('member_units.import_file_invalid');
  });

  it('answers 400 when no file field is sent', async () => {
    const res = await preview(staff, await workbook([row()]), 'units.xlsx', 'other');
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('member_units.import_file_missing');
  });

  it('answers 4xx problem+json for a JSON body instead of a form', async () => {
    const res = await staff.post(`${BASE}/import/preview`, { file: 'x' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(problem(res).code).toBe('request.unsupported_media_type');
  });

  it('refuses a file over 5 MB with 413', async () => {
    const res = await preview(staff, Buffer.alloc(5 * 1024 * 1024 + 10, 1));
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('request.too_large');
  });

  it('answers 400 naming the columns a sheet lacks', async () => {
    const res = await preview(staff, await workbook([{ 地址: 'x' }], ['地址', '备注']));
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('member_units.import_missing_columns');
    expect(body.detail).toContain('统一社会信用代码');
  });

  it("lists a bad row's errors per column and writes nothing", async () => {
    const before = await unitCount();
    const good = row();
    const bad = row({
      单位名称: '',
      统一社会信用代码: '9144030071526726XA',
      单位类型: '外星企业',
      会员级别: '超级会员',
      联系人手机: '12345',
      在管项目数: '很多',
    });
    const res = await preview(staff, await workbook([good, bad]));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ valid: 1, invalid: 1 });
    expect(body.rows[0]).toMatchObject({ row: 2, action: 'create', errors: [] });
    expect(body.rows[0].unit).toMatchObject({
      uscc: good.统一社会信用代码,
      unitType: 'property_company',
      level: 'director',
      projectTypes: ['residential', 'old_community'],
      projectCount: 6,
      contacts: [{ name: '李四', mobile: '13812345678', isPrimary: true }],
    });
    const errors = Object.fromEntries(
      body.rows[1].errors.map((e: { column: string; message: string }) => [e.column, e.message]),
    );
    expect(body.rows[1]).toMatchObject({ row: 3, action: 'error', unit: null });
    expect(errors).toEqual({
      name: '必填',
      uscc: '统一社会信用代码无效（应为 18 位，且校验位正确）',
      unitType: '不是允许的选项：外星企业',
      level: '不是允许的选项：超级会员',
      projectCount: '应为不小于 0 的整数',
      'contact.mobile': '手机号应为 11 位数字，以 13–19 开头',
    });
    expect(body.rows[1].raw).toMatchObject({ uscc: '9144030071526726XA', unitType: '外星企业' });
    expect(await unitCount()).toBe(before);
  });

  it('translates the row errors to English for an en-US caller', async () => {
    const en = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await preview(en, await workbook([row({ 统一社会信用代码: 'ABC', 单位类型: '' })]));
    const errors = res.json().rows[0].errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          column: 'uscc',
          message: 'Invalid unified social credit code (18 characters with a correct check character)',
        },
        { column: 'unitType', message: 'Required' },
      ]),
    );
  });

  it('accepts enum cells as zh-CN label, en-US label or code', async () => {
    const rows = [
      row({ 单位类型: '开发建设单位', 会员级别: '会长单位', 管理项目类型: '写字楼,产业园' }),
      row({
        单位类型: 'Developer',
        会员级别: 'President unit',
        管理项目类型: 'Office building，Industrial park',
      }),
      row({ 单位类型: 'developer', 会员级别: 'PRESIDENT', 管理项目类型: 'office、industrial_park' }),
    ];
    const body = (await preview(staff, await workbook(rows))).json();
    expect(body.invalid).toBe(0);
    for (const r of body.rows) {
      expect(r.unit).toMatchObject({
        unitType: 'developer',
        level: 'president',
        projectTypes: ['office', 'industrial_park'],
      });
    }
  });

  it('normalises a lowercase credit code and flags a code repeated within the file', async () => {
    const uscc = freshUscc();
    const body = (
      await preview(
        staff,
        await workbook([row({ 统一社会信用代码: uscc.toLowerCase() }), row({ 统一社会信用代码: uscc })]),
      )
    ).json();
    expect(body.rows[0].unit.uscc).toBe(uscc);
    expect(body.rows[1].action).toBe('error');
    expect(body.rows[1].errors).toEqual([{ column: 'uscc', message: '与第 2 行的统一社会信用代码重复' }]);
  });

  it('says update for a credit code that exists already', async () => {
    const existing = await buildMemberUnit(t.database);
    const body = (await preview(staff, await workbook([row({ 统一社会信用代码: existing.uscc })]))).json();
    expect(body.rows[0].action).toBe('update');
  });
});

describe('import preview under generated input', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
    fc.constantFrom(
      '9144030071526726XG',
      '9144030071526726xg',
      '91440300715267I6XG',
      '😀',
      '<b>x</b>',
      "'; drop table x; --",
    ),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }),
    fc.constant({ formula: '1+1', result: 2 }),
    fc.constant({ text: 'link', hyperlink: 'https://example.com' }),
    fc.constant({ richText: [{ text: '富' }, { text: '文本' }] }),
    fc.constant({ error: '#N/A' }),
    fc.constant(null),
  );
  const sheetRows = fc.array(fc.array(cell, { minLength: 0, maxLength: HEADERS.length + 2 }), {
    minLength: 1,
    maxLength: 6,
  });

  it('never answers 5xx, and every error is a translated problem', async () => {
    await fc.assert(
      fc.asyncProperty(sheetRows, fc.boolean(), async (rows, withHeaders) => {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('会员单位');
        if (withHeaders) sheet.addRow(HEADERS);
        for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]);
        const res = await preview(staff, Buffer.from(await wb.xlsx.writeBuffer()));
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        if (res.statusCode >= 400) expect(problem(res).detail).toBeTruthy();
        else for (const row of res.json().rows) expect(row.action === 'error').toBe(row.errors.length > 0);
      }),
      { numRuns: 25 },
    );
  });

  it('never answers 5xx for random bytes behind a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const res = await preview(staff, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), bytes]));
        expect(res.statusCode).toBe(400);
        expect(problem(res).code).toBe('member_units.import_file_invalid');
      }),
      { numRuns: 25 },
    );
  });
});

describe('POST /member-units/import/commit', () => {
  it('is 401 anonymous, 403 for a member and 400 with field errors for a bad unit', async () => {
    const units = [memberUnitInput()];
    expect((await t.anonymous().post(`${BASE}/import/commit`, { units })).statusCode).toBe(401);
    expect((await member.post(`${BASE}/import/commit`, { units })).statusCode).toBe(403);
    const res = await staff.post(`${BASE}/import/commit`, {
      units: [{ ...units[0], uscc: '91110000802100433A' }],
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([
      { path: 'body.units.0.uscc', message: '统一社会信用代码无效（应为 18 位，且校验位正确）' },
    ]);
    const empty = await staff.post(`${BASE}/import/commit`, { units: [] });
    expect(empty.statusCode).toBe(400);
  });

  it('writes the valid rows of a preview in one go and records the import in the audit log', async () => {
    const file = await workbook([row(), row(), row({ 统一社会信用代码: 'bad' })]);
    const previewed = (await preview(staff, file)).json();
    const units = previewed.rows
      .filter((r: { unit: unknown }) => r.unit)
      .map((r: { unit: unknown }) => r.unit);
    const before = await unitCount();
    const res = await staff.post(`${BASE}/import/commit`, { units });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    expect(await unitCount()).toBe(before + 2);
    const [saved] = await t.database.db.select().from(memberUnits).where(eq(memberUnits.uscc, units[0].uscc));
    expect(saved).toMatchObject({ name: units[0].name, level: 'director', projectCount: 6 });
    const contacts = await t.database.db
      .select()
      .from(unitContacts)
      .where(eq(unitContacts.memberUnitId, saved.id));
    expect(contacts).toHaveLength(1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'member_unit.import'));
    expect(
      audit.some((a) => (a.after as { credit_codes: string[] }).credit_codes.includes(units[0].uscc)),
    ).toBe(true);
  });

  it('writes nothing when one unit fails inside the transaction', async () => {
    const staffUser = await buildUser(t.database, { role: 'staff' });
    const first = memberUnitInput();
    const broken = { ...memberUnitInput(), name: null as unknown as string }; // NOT NULL violation
    await expect(upsertMemberUnits(t.ctx(actorOf(staffUser)), [first, broken])).rejects.toThrow();
    const found = await t.database.db.select().from(memberUnits).where(eq(memberUnits.uscc, first.uscc));
    expect(found).toEqual([]);
  });

  it('re-importing the same file updates by credit code and creates no duplicates', async () => {
    const rows = [row(), row()];
    const first = (await preview(admin, await workbook(rows))).json();
    const units = first.rows.map((r: { unit: unknown }) => r.unit);
    expect((await admin.post(`${BASE}/import/commit`, { units })).json()).toEqual({ created: 2, updated: 0 });
    const after = await unitCount();

    rows[0].地址 = '示例市新地址 99 号';
    const second = (await preview(admin, await workbook(rows))).json();
    expect(second.rows.map((r: { action: string }) => r.action)).toEqual(['update', 'update']);
    const again = await admin.post(`${BASE}/import/commit`, {
      units: second.rows.map((r: { unit: unknown }) => r.unit),
    });
    expect(again.json()).toEqual({ created: 0, updated: 2 });
    expect(await unitCount()).toBe(after);
    const [saved] = await t.database.db
      .select()
      .from(memberUnits)
      .where(eq(memberUnits.uscc, String(rows[0].统一社会信用代码)));
    expect(saved.address).toBe('示例市新地址 99 号');
  });
});

describe('GET /member-units/export', () => {
  it('is 401 anonymous and 403 for a member', async () => {
    expect((await t.anonymous().get(`${BASE}/export`)).statusCode).toBe(401);
    const res = await member.get(`${BASE}/export`);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 for a bad filter', async () => {
    const res = await staff.get(`${BASE}/export?unitType=spaceship`);
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('querystring.unitType');
  });

  it('exports the filtered units in the template columns, with full mobiles for staff', async () => {
    const name = `导出测试单位${randomBytes(3).toString('hex')}`;
    const input = memberUnitInput({
      name,
      unitType: 'service_provider',
      projectTypes: ['office', 'residential'],
    });
    await staff.post(BASE, input);
    const res = await staff.get(`${BASE}/export?q=${encodeURIComponent(name)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const sheet = (await loadXlsx(res.rawPayload)).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount).toBe(2);
    const cells = Object.fromEntries(HEADERS.map((h, i) => [h, sheet.getRow(2).getCell(i + 1).value]));
    expect(cells).toMatchObject({
      单位名称: name,
      统一社会信用代码: input.uscc,
      单位类型: '专业服务机构',
      会员级别: '会员单位',
      管理项目类型: '写字楼、普通住宅',
      联系人手机: '13912345678',
    });
  });

  it('produces a file that imports back as updates of the same units', async () => {
    const name = `往返测试单位${randomBytes(3).toString('hex')}`;
    await staff.post(BASE, memberUnitInput({ name }));
    const exported = (await admin.get(`${BASE}/export?q=${encodeURIComponent(name)}`)).rawPayload;
    const body = (await preview(admin, exported)).json();
    expect(body).toMatchObject({ valid: 1, invalid: 0 });
    expect(body.rows[0]).toMatchObject({ action: 'update', unit: { name } });
  });
});
