import type { RegistrationStatus } from '../../contract/registrations.js';

/** What GET /api/v1/passes/:token answers (registrations/pass.service.ts getPass). */
export type Pass = {
  registration: {
    id: string;
    status: RegistrationStatus;
    waitlistPosition: number | null;
    name: string;
    unitName: string;
    memberUnitId: string | null;
    position: string | null;
    mobile: string | null;
    email: string | null;
    focusDimensionIds: string[];
    questions: string | null;
    answers: Record<string, unknown>;
    eventSiteId: string;
    siteName: string;
    siteAddress: string | null;
    groupId: string | null;
    /** Added by the check-in and groups modules when present. */
    groupName?: string | null;
    guideName?: string | null;
    checkedInAt?: string | null;
    consentedAt: string | null;
    createdAt: string;
  };
  event: {
    id: string;
    slug: string;
    theme: string;
    eventDate: string;
    format: 'half_day' | 'full_day';
    status: string;
    meetingPoint: string | null;
    contactName: string | null;
    contactPhone: string | null;
    notes: string | null;
    registrationDeadline: string;
  };
  canChange: boolean;
  retentionDays: number;
  /** Added by the survey module: the event's survey when open or closed, and whether this pass answered. */
  survey?: { status: 'open' | 'closed'; responded: boolean } | null;
};
