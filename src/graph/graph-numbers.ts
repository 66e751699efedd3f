/**
 * Optional enrichment: Teams Phone number assignments are the source of truth for DDI/DID numbers. Reading them needs
 * an admin-granted permission (`TeamsTelephoneNumber.Read.All`); without it Graph answers 403 and the adapter keeps the
 * profile numbers.
 */
import { toPhoneNumber, type PhoneNumber } from '../directory/phone-number.js';
import { statusOf, type GraphApi } from './graph-client.js';
import { pages } from './graph-pages.js';

interface NumberAssignment {
  readonly telephoneNumber?: string;
  readonly assignmentTargetId?: string;
  readonly assignmentStatus?: string;
}

const ASSIGNED = new Set(['userassigned', 'voiceapplicationassigned', 'conferenceassigned']);

/**
 * Assigned numbers by user id (users and resource accounts), or `undefined` when the tenant did not grant access.
 * Other failures propagate, a read stopped by its bounds included (`readLimit`, docs/rules.md#graph-paging-bounded).
 */
export async function fetchNumberAssignments(api: GraphApi, signal: AbortSignal, readLimit: number): Promise<Map<string, PhoneNumber[]> | undefined> {
  const byUser = new Map<string, PhoneNumber[]>();
  try {
    for await (const page of pages<NumberAssignment | null>(api, '/admin/teams/telephoneNumberManagement/numberAssignments?$top=1000', { signal, readLimit })) {
      for (const assignment of page.value) {
        if (typeof assignment !== 'object' || assignment === null) continue;
        const target = assignment.assignmentTargetId;
        const number = toPhoneNumber(assignment.telephoneNumber, 'ddi');
        if (typeof target !== 'string' || target === '' || !number || !ASSIGNED.has(String(assignment.assignmentStatus).toLowerCase())) continue;
        byUser.set(target, [...(byUser.get(target) ?? []), number]);
      }
    }
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 401) return undefined;
    throw error;
  }
  return byUser;
}
