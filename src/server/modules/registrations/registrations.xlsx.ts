import ExcelJS from 'exceljs';
import type { Field } from '../../../contract/registrations.js';
import type { PrintPerson } from '../checkin/print.data.js';

export type RegistrationColumns = {
  name: string;
  unit: string;
  position: string;
  mobile: string;
  email: string;
  status: string;
  site: string;
  group: string;
  consentedAt: string;
  checkedInAt: string;
  registeredAt: string;
  statusLabel: (status: string) => string;
  yes: string;
  no: string;
};

const chinaTime = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ') : '';

function answerText(value: unknown, labels: RegistrationColumns) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/**
 * Every registration with its custom-field answers, consent time and check-in time. Only admins
 * and staff can export (the route's policy), so mobile numbers are complete.
 */
export async function registrationsXlsx(people: PrintPerson[], fields: Field[], labels: RegistrationColumns) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名');
  sheet.columns = [
    { header: labels.name, width: 12 },
    { header: labels.unit, width: 30 },
    { header: labels.position, width: 14 },
    { header: labels.mobile, width: 14 },
    { header: labels.email, width: 24 },
    { header: labels.status, width: 10 },
    { header: labels.site, width: 20 },
    { header: labels.group, width: 10 },
    ...fields.map((f) => ({ header: f.label, width: 16 })),
    { header: labels.consentedAt, width: 18 },
    { header: labels.checkedInAt, width: 18 },
    { header: labels.registeredAt, width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of people) {
    sheet.addRow([
      p.name,
      p.unitName,
      p.position ?? '',
      p.mobile ?? '',
      p.email ?? '',
      labels.statusLabel(p.status),
      p.siteName,
      p.groupName ?? '',
      ...fields.map((f) => answerText(p.answers[f.id], labels)),
      chinaTime(p.consentedAt),
      chinaTime(p.checkedInAt),
      chinaTime(p.createdAt),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
