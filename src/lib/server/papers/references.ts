// What a paper, its Beratungsfolge and its relations may refer to: live records of the paper's own body.
import type { Executor } from '@/lib/server/db';
import { checkOrganizations, checkPersons, firstProblem, invalid, liveAgendaItem, liveBody, liveMeeting, livePaper, type InvalidReference } from '@/lib/server/references';
import type { PaperInput } from '@/lib/validation/forms';
import { referenceMessages } from '@/lib/validation/messages';

/** The body, Federführung and originators of a paper: all exist, and the offices and people belong to its body. */
export async function checkPaperReferences(tx: Executor, input: PaperInput): Promise<InvalidReference | null> {
  const body = await liveBody(tx, input.bodyId);
  if (!body) return invalid('bodyId', referenceMessages.missing);
  return firstProblem(
    () => checkOrganizations(tx, 'underDirectionOfId', [input.underDirectionOfId], body),
    () => checkOrganizations(tx, 'originatorOrganizationIds', input.originatorOrganizationIds, body),
    () => checkPersons(tx, 'originatorPersonIds', input.originatorPersonIds, body),
  );
}

/** A consultation's input as the form posts it. */
export interface ConsultationRefs {
  paperId: number;
  organizationId: number | null;
  meetingId: number | null;
  agendaItemId: number | null;
}

/**
 * The paper, organization, meeting and agenda item of a Beratungsfolge step: the paper exists (else `not-found`),
 * the others exist and belong to the paper's body, and the agenda item to the meeting. Returns the meeting the
 * step is in (the agenda item's, when only that was chosen).
 */
export async function checkConsultationReferences(tx: Executor, input: ConsultationRefs): Promise<{ ok: true; meetingId: number | null } | InvalidReference | { ok: false; reason: 'not-found' }> {
  const paper = await livePaper(tx, input.paperId);
  if (!paper) return { ok: false, reason: 'not-found' };
  const organization = await checkOrganizations(tx, 'organizationId', [input.organizationId], paper.body);
  if (organization) return organization;
  let meetingId = input.meetingId;
  if (meetingId) {
    const meeting = await liveMeeting(tx, meetingId);
    if (!meeting) return invalid('meetingId', referenceMessages.missing);
    if (meeting.body.id !== paper.body.id) return invalid('meetingId', referenceMessages.otherBody(meeting.name, paper.body.name));
  }
  if (input.agendaItemId) {
    const item = await liveAgendaItem(tx, input.agendaItemId);
    if (!item) return invalid('agendaItemId', referenceMessages.missing);
    if (meetingId && item.meetingId !== meetingId) return invalid('agendaItemId', referenceMessages.agendaItemOfOtherMeeting);
    if (item.body.id !== paper.body.id) return invalid('agendaItemId', referenceMessages.agendaItemOfOtherBody(paper.body.name));
    meetingId = item.meetingId;
  }
  return { ok: true, meetingId };
}

/** Both papers of a relation exist: the one edited (else `not-found`) and the chosen one (else a field message). */
export async function checkRelationReferences(tx: Executor, input: { fromPaperId: number; toPaperId: number }): Promise<InvalidReference | { ok: false; reason: 'not-found' } | null> {
  if (!(await livePaper(tx, input.fromPaperId))) return { ok: false, reason: 'not-found' };
  if (!(await livePaper(tx, input.toPaperId))) return invalid('toPaperId', referenceMessages.paperMissing);
  return null;
}
