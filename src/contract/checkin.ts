import { z } from 'zod';

export const CHECKIN_RESULTS = [
  'checked_in',
  'already_checked_in',
  'waitlisted',
  'cancelled',
  'pending',
  'other_event',
  'other_site',
  'unknown',
] as const;
export type CheckinResultCode = (typeof CHECKIN_RESULTS)[number];

export const CHECKIN_METHODS = ['qr', 'search', 'walk_in'] as const;

/** One scan from a device. Either the pass token (QR read online) or the registration id. */
export const scanInputSchema = z
  .object({
    nonce: z.string().trim().min(8).max(100),
    eventSiteId: z.uuid().nullable().optional(),
    token: z.string().trim().min(1).max(300).optional(),
    registrationId: z.uuid().optional(),
    method: z.enum(CHECKIN_METHODS).default('qr'),
    /** The device's time of the scan (offline scans arrive later). */
    scannedAt: z.iso.datetime({ offset: true }).optional(),
    deviceId: z.string().trim().max(100).optional(),
  })
  .refine((v) => !!v.token || !!v.registrationId, { message: 'validation.scan_target', path: ['token'] });
export type ScanInput = z.infer<typeof scanInputSchema>;

export const scanResultSchema = z.object({
  scanId: z.uuid(),
  code: z.enum(CHECKIN_RESULTS),
  registration: z
    .object({
      id: z.uuid(),
      name: z.string(),
      unitName: z.string(),
      position: z.string().nullable(),
      status: z.string(),
      eventSiteId: z.uuid(),
      siteName: z.string(),
      groupName: z.string().nullable(),
      guideName: z.string().nullable(),
    })
    .nullable(),
  /** The effective check-in (for already_checked_in: the first one). */
  checkin: z
    .object({
      id: z.uuid(),
      at: z.string(),
      byName: z.string().nullable(),
      deviceId: z.string().nullable(),
      method: z.string(),
    })
    .nullable(),
  undoUntil: z.string().nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const scanBatchSchema = z.object({ scans: z.array(scanInputSchema).min(1).max(500) });

/** What an offline scanner keeps: enough to recognise a pass and show who it is. */
export const checkinListEntrySchema = z.object({
  registrationId: z.uuid(),
  /** SHA-256 (hex) of the pass token: the device hashes what it scans and looks it up. */
  tokenHash: z.string(),
  name: z.string(),
  unitName: z.string(),
  position: z.string().nullable(),
  mobileLast4: z.string().nullable(),
  status: z.string(),
  eventSiteId: z.uuid(),
  siteName: z.string(),
  groupName: z.string().nullable(),
  guideName: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});
export type CheckinListEntry = z.infer<typeof checkinListEntrySchema>;

export const checkinStatsSchema = z.object({
  expected: z.number().int(),
  arrived: z.number().int(),
  late: z.number().int(),
  /** End of the sign-in slot (HH:MM) used for "late", when the agenda has one. */
  lateAfter: z.string().nullable(),
  bySite: z.array(
    z.object({
      eventSiteId: z.uuid(),
      siteName: z.string(),
      expected: z.number().int(),
      arrived: z.number().int(),
    }),
  ),
  byUnit: z.array(z.object({ unitName: z.string(), expected: z.number().int(), arrived: z.number().int() })),
  byGroup: z.array(
    z.object({
      groupId: z.uuid().nullable(),
      groupName: z.string().nullable(),
      expected: z.number().int(),
      arrived: z.number().int(),
    }),
  ),
  recent: z.array(
    z.object({
      registrationId: z.uuid(),
      name: z.string(),
      unitName: z.string(),
      at: z.string(),
      late: z.boolean(),
    }),
  ),
});
export type CheckinStats = z.infer<typeof checkinStatsSchema>;
