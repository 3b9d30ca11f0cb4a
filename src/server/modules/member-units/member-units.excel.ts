import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Lang } from '../../../contract/common.js';
import {
  MEMBER_LEVELS,
  type MemberLevel,
  PROJECT_TYPES,
  type ProjectType,
  UNIT_TYPES,
  type UnitType,
} from '../../../contract/enums.js';
import {
  type ImportRow,
  type MemberUnit,
  type MemberUnitInput,
  type MemberUnitQuery,
  memberUnitInputSchema,
} from '../../../contract/member-units.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import { hasKey, t } from '../../core/i18n.js';
import { looksLikeXlsx } from '../../core/zip-sniff.js';
import { memberUnitsPolicy } from './member-units.policy.js';
import { allMemberUnits } from './member-units.service.js';
import { memberUnits } from './member-units.table.js';

/**
 * The spreadsheet columns, in order. `header` is the fixed Chinese column title of the file
 * format (template, import and export all use it, whatever the user's language); `key` is what
 * the import preview reports errors and raw values under.
 */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '单位名称', width: 34 },
  { key: 'uscc', header: '统一社会信用代码', width: 22 },
  { key: 'unitType', header: '单位类型', width: 16 },
  { key: 'level', header: '会员级别', width: 16 },
  { key: 'projectTypes', header: '管理项目类型', width: 30 },
  { key: 'address', header: '地址', width: 34 },
  { key: 'projectCount', header: '在管项目数', width: 12 },
  { key: 'staffCount', header: '员工人数', width: 12 },
  { key: 'contact.name', header: '联系人', width: 12 },
  { key: 'contact.position', header: '职务', width: 14 },
  { key: 'contact.mobile', header: '联系人手机', width: 16 },
  { key: 'contact.email', header: '联系人邮箱', width: 24 },
  { key: 'note', header: '备注', width: 30 },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

export const IMPORT_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  /** An .xlsx may unpack to at most this much; more is refused before parsing. */
  unpackedBytes: 60 * 1024 * 1024,
  rows: 5000,
} as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_DATA = '会员单位';
const SHEET_HELP = '填写说明';
const TEMPLATE_ROWS = 1000;
const LIST_SEPARATOR = '、';

/** The example row of the template; a row equal to it is skipped on import. */
const EXAMPLE = {
  name: '示例市示范物业服务有限公司',
  uscc: '91110000802100433B',
  unitType: 'property_company',
  level: 'member',
  projectTypes: ['residential', 'old_community'],
  address: '示例市示例区建设路 1 号',
  projectCount: 12,
  staffCount: 350,
  contact: { name: '张三', position: '总经理', mobile: '13912345678', email: 'zhangsan@example.com' },
  note: '示例行，导入前请删除',
} as const;

// ---------------------------------------------------------------- enum labels

type EnumName = 'unitType' | 'memberLevel' | 'projectType';
const ENUM_CODES: Record<EnumName, readonly string[]> = {
  unitType: UNIT_TYPES,
  memberLevel: MEMBER_LEVELS,
  projectType: PROJECT_TYPES,
};

const label = (lang: Lang, name: EnumName, code: string) => t(lang, `enums.${name}.${code}`);
const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Maps a zh-CN label, an en-US label or the code itself (any case, any spacing) to the code. */
function enumLookup(name: EnumName): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of ENUM_CODES[name]) {
    map.set(normalise(code), code);
    for (const lang of ['zh-CN', 'en-US'] as const) map.set(normalise(label(lang, name, code)), code);
  }
  return map;
}
const LOOKUPS: Record<EnumName, Map<string, string>> = {
  unitType: enumLookup('unitType'),
  memberLevel: enumLookup('memberLevel'),
  projectType: enumLookup('projectType'),
};

// ---------------------------------------------------------------- template and export

function dataSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(SHEET_DATA, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  // Credit codes and mobiles are text: as numbers Excel would round or reformat them.
  for (const key of ['uscc', 'contact.mobile'] as const) sheet.getColumn(key).numFmt = '@';
  return sheet;
}

function cellsOf(unit: {
  name: string;
  uscc: string;
  unitType: string;
  level: string;
  projectTypes: readonly string[];
  address: string | null;
  projectCount: number | null;
  staffCount: number | null;
  note: string | null;
  contact?: { name: string; position: string | null; mobile: string | null; email: string | null };
}): Record<ImportColumn, string | number | null> {
  const zh = 'zh-CN';
  return {
    name: unit.name,
    uscc: unit.uscc,
    unitType: label(zh, 'unitType', unit.unitType),
    level: label(zh, 'memberLevel', unit.level),
    projectTypes: unit.projectTypes.map((p) => label(zh, 'projectType', p)).join(LIST_SEPARATOR),
    address: unit.address,
    projectCount: unit.projectCount,
    staffCount: unit.staffCount,
    'contact.name': unit.contact?.name ?? null,
    'contact.position': unit.contact?.position ?? null,
    'contact.mobile': unit.contact?.mobile ?? null,
    'contact.email': unit.contact?.email ?? null,
    note: unit.note,
  };
}

function addDropdowns(sheet: ExcelJS.Worksheet) {
  const list = (name: EnumName) => [`"${ENUM_CODES[name].map((c) => label('zh-CN', name, c)).join(',')}"`];
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const columnLetter = (key: ImportColumn) => sheet.getColumn(key).letter;
  for (const [key, name] of [
    ['unitType', 'unitType'],
    ['level', 'memberLevel'],
  ] as const) {
    const letter = columnLetter(key);
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: list(name),
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  }
}

function helpSheet(workbook: ExcelJS.Workbook, lang: Lang) {
  const sheet = workbook.addWorksheet(SHEET_HELP);
  sheet.columns = [{ width: 22 }, { width: 30 }, { width: 36 }, { width: 26 }];
  const heading = (text: string) => {
    const row = sheet.addRow([text]);
    row.font = { bold: true };
  };
  heading(t(lang, 'member_units_excel.help.title'));
  for (const key of ['required', 'uscc', 'enums', 'project_types', 'update', 'example']) {
    sheet.addRow([t(lang, `member_units_excel.help.${key}`)]);
  }
  for (const [name, column] of [
    ['unitType', '单位类型'],
    ['memberLevel', '会员级别'],
    ['projectType', '管理项目类型'],
  ] as const) {
    sheet.addRow([]);
    heading(column);
    const header = sheet.addRow([
      '',
      t(lang, 'member_units_excel.help.label_zh'),
      t(lang, 'member_units_excel.help.label_en'),
      t(lang, 'member_units_excel.help.code'),
    ]);
    header.font = { italic: true };
    for (const code of ENUM_CODES[name]) {
      sheet.addRow(['', label('zh-CN', name, code), label('en-US', name, code), code]);
    }
  }
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The empty import template: headers, one example row, dropdowns and a sheet of allowed values. */
export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  authorize(ctx, memberUnitsPolicy, 'import');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Guanmo';
  const sheet = dataSheet(workbook);
  const example = sheet.addRow(cellsOf(EXAMPLE));
  example.font = { italic: true, color: { argb: 'FF888888' } };
  addDropdowns(sheet);
  helpSheet(workbook, ctx.lang);
  return toBuffer(workbook);
}

/** The units matching the list filters, in the template's columns so the file can be re-imported. */
export async function exportMemberUnits(
  ctx: Ctx,
  query: Omit<MemberUnitQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  authorize(ctx, memberUnitsPolicy, 'export');
  const units: MemberUnit[] = await allMemberUnits(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Guanmo';
  const sheet = dataSheet(workbook);
  for (const unit of units) sheet.addRow(cellsOf({ ...unit, contact: unit.contacts[0] }));
  helpSheet(workbook, ctx.lang);
  return toBuffer(workbook);
}

// ---------------------------------------------------------------- import

type RawRow = { row: number; raw: Record<string, string> };
type CellError = { column: string; message: string };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

const headerKey = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((c) => [
    [normalise(c.header), c.key],
    [normalise(c.key), c.key],
  ]),
);

/** Reads the first worksheet into raw text cells keyed by column; refuses what is not a workbook. */
export async function readImportFile(bytes: Buffer): Promise<RawRow[]> {
  if (!looksLikeXlsx(bytes, IMPORT_LIMITS.unpackedBytes)) throw invalid('member_units.import_file_invalid');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('member_units.import_file_invalid');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('member_units.import_empty');

  const columns = new Map<number, ImportColumn>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = headerKey.get(normalise(cellText(cell.value)).replace(/^\*/, ''));
    if (key && ![...columns.values()].includes(key)) columns.set(col, key);
  });
  const missing = IMPORT_COLUMNS.filter((c) => ['name', 'uscc'].includes(c.key)).filter(
    (c) => ![...columns.values()].includes(c.key),
  );
  if (missing.length) {
    throw invalid('member_units.import_missing_columns', {
      columns: missing.map((c) => c.header).join(LIST_SEPARATOR),
    });
  }

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: Record<string, string> = {};
    for (const [col, key] of columns) raw[key] = cellText(row.getCell(col).value).trim().slice(0, 1000);
    if (Object.values(raw).every((v) => v === '')) return;
    if (raw.name === EXAMPLE.name && raw.uscc === EXAMPLE.uscc) return;
    rows.push({ row: rowNumber, raw });
  });
  if (!rows.length) throw invalid('member_units.import_empty');
  if (rows.length > IMPORT_LIMITS.rows)
    throw invalid('member_units.import_too_many', { max: IMPORT_LIMITS.rows });
  return rows;
}

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

/** The column an issue of memberUnitInputSchema belongs to. */
function columnOf(path: PropertyKey[]): ImportColumn {
  if (path[0] === 'contacts') return `contact.${String(path[2] ?? 'name')}` as ImportColumn;
  return (IMPORT_COLUMNS.find((c) => c.key === path[0])?.key ?? 'name') as ImportColumn;
}

function parseRow(
  lang: Lang,
  raw: Record<string, string>,
): { unit: MemberUnitInput | null; errors: CellError[] } {
  const errors: CellError[] = [];
  const fail = (column: ImportColumn, key: string, params?: Record<string, string | number>) =>
    errors.push({ column, message: t(lang, key, params) });
  const cell = (key: ImportColumn) => raw[key] ?? '';

  for (const key of ['name', 'uscc', 'unitType', 'level'] as const) {
    if (!cell(key)) fail(key, 'validation.required');
  }
  const pick = (column: ImportColumn, name: EnumName) => {
    const value = cell(column);
    if (!value) return undefined;
    const code = LOOKUPS[name].get(normalise(value));
    if (!code) fail(column, 'validation.invalid_option', { value });
    return code;
  };
  const unitType = pick('unitType', 'unitType') as UnitType | undefined;
  const level = pick('level', 'memberLevel') as MemberLevel | undefined;
  const projectTypes: ProjectType[] = [];
  for (const part of cell('projectTypes').split(/[、,，;；\n]/)) {
    if (!part.trim()) continue;
    const code = LOOKUPS.projectType.get(normalise(part));
    if (code) projectTypes.push(code as ProjectType);
    else fail('projectTypes', 'validation.invalid_option', { value: part.trim() });
  }
  const whole = (column: ImportColumn) => {
    const value = cell(column).replace(/[,，\s]/g, '');
    if (!value) return null;
    if (!/^\d{1,9}$/.test(value)) {
      fail(column, 'validation.number');
      return null;
    }
    return Number(value);
  };
  const projectCount = whole('projectCount');
  const staffCount = whole('staffCount');
  const contactCells = (['contact.name', 'contact.position', 'contact.mobile', 'contact.email'] as const).map(
    cell,
  );
  if (contactCells.some(Boolean) && !cell('contact.name')) fail('contact.name', 'validation.required');
  // The schema still runs on rows with errors so every cell's problem shows at once.
  const candidate = {
    name: cell('name'),
    uscc: cell('uscc'),
    unitType: unitType ?? UNIT_TYPES[0],
    level: level ?? MEMBER_LEVELS[0],
    projectTypes,
    address: cell('address') || null,
    projectCount,
    staffCount,
    note: cell('note') || null,
    contacts: cell('contact.name')
      ? [
          {
            name: cell('contact.name'),
            position: cell('contact.position') || null,
            mobile: cell('contact.mobile') || null,
            email: cell('contact.email') || null,
            isPrimary: true,
          },
        ]
      : [],
  };
  const parsed = memberUnitInputSchema.safeParse(candidate, {
    error: (issue) => zodLocales[lang].localeError(issue),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOf(issue.path);
      if (errors.some((e) => e.column === column)) continue; // one message per cell is enough
      const message =
        /^validation\.[a-z_]+$/.test(issue.message) && hasKey(lang, issue.message)
          ? t(lang, issue.message)
          : issue.message;
      errors.push({ column, message });
    }
  }
  return { unit: errors.length ? null : (parsed.data ?? null), errors };
}

/** Parses an uploaded workbook and says what importing it would do. Writes nothing. */
export async function previewImport(ctx: Ctx, bytes: Buffer) {
  authorize(ctx, memberUnitsPolicy, 'import');
  const rawRows = await readImportFile(bytes);
  const parsed = rawRows.map((r) => ({ ...r, ...parseRow(ctx.lang, r.raw) }));

  const firstRowOf = new Map<string, number>();
  for (const row of parsed) {
    if (!row.unit) continue;
    const earlier = firstRowOf.get(row.unit.uscc);
    if (earlier === undefined) firstRowOf.set(row.unit.uscc, row.row);
    else {
      row.errors.push({
        column: 'uscc',
        message: t(ctx.lang, 'validation.uscc_duplicate_in_file', { row: earlier }),
      });
      row.unit = null;
    }
  }
  const codes = [...firstRowOf.keys()];
  const existing = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const found = await ctx.db
      .select({ uscc: memberUnits.uscc })
      .from(memberUnits)
      .where(inArray(memberUnits.uscc, codes.slice(i, i + 500)));
    for (const f of found) existing.add(f.uscc);
  }

  const rows: ImportRow[] = parsed.map((r) => ({
    row: r.row,
    unit: r.unit,
    action: !r.unit ? 'error' : existing.has(r.unit.uscc) ? 'update' : 'create',
    errors: r.errors,
    raw: r.raw,
  }));
  const valid = rows.filter((r) => r.unit).length;
  return { rows, valid, invalid: rows.length - valid };
}

/** The multipart upload could not be read as one file. */
export const missingFile = () => new AppError('member_units.import_file_missing', 400);
