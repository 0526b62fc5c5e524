// What a meeting may refer to: a live body, and organizations of that body.
import type { Executor } from '@/lib/server/db';
import { checkOrganizations, invalid, liveBody, type InvalidReference } from '@/lib/server/references';
import type { MeetingInput } from '@/lib/validation/forms';
import { referenceMessages } from '@/lib/validation/messages';

/** The body and organizations of a meeting: all exist, and the organizations belong to the meeting's body. */
export async function checkMeetingReferences(tx: Executor, input: MeetingInput): Promise<InvalidReference | null> {
  const body = await liveBody(tx, input.bodyId);
  if (!body) return invalid('bodyId', referenceMessages.missing);
  return checkOrganizations(tx, 'organizationIds', input.organizationIds, body);
}
