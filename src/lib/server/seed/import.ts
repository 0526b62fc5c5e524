// Imports the seed corpus (content/) into the database, idempotently: a second run changes nothing.
import * as t from '@db/schema';
import { renderMarkdown } from '@/lib/markdown';
import { checkTransition, initialStatus } from '@/lib/domain/status-graph';
import type { Database, Executor } from '@/lib/server/db';
import { readContent, type BodyContent } from '@/lib/server/seed/read';
import type { DemandEntry } from '@/lib/server/seed/schema';
import { seedMessages } from '@/lib/validation/messages';
import { and, eq, eqOrNull, ensureLink, upsertRow, type ImportStats } from '@/lib/server/seed/upsert';
import { EVERYTHING, recordChangeWith } from '@/lib/server/changes/log';
import { importLegalTexts, readLegalTexts, type LegalTextEntry } from '@/lib/server/seed/legal';

/** Slug -> id lookups filled while importing, so later records can reference earlier ones. */
interface Ids {
  organizations: Map<string, number>;
  people: Map<string, number>;
  papers: Map<string, number>;
  /** "<meeting slug>#<agenda number>" -> agenda item id */
  agendaItems: Map<string, number>;
  /** Slug of an organization, person or meeting -> slug of the body whose folder defines it. */
  bodyOf: Map<string, string>;
}

/**
 * Publication and change time of an imported document: its own date (noon UTC, the same calendar day everywhere in
 * Europe), so feeds date seeded papers and follow-ups by the document, not by the day of the import. Set on insert
 * only; a later change in content/ or the back office records its real time.
 */
function documentTime(day: string): { publishedAt: string; updatedAt: string } {
  const at = `${day}T12:00:00.000Z`;
  return { publishedAt: at, updatedAt: at };
}

function lookup(map: Map<string, number>, key: string, what: string, file: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(seedMessages.unknownReference(file, what, key));
  return id;
}

/**
 * Lookups for a body folder's own records: its papers, meetings and demands may refer only to the organizations,
 * people and meetings its own folder defines; another body's record is refused, naming the file (no references
 * across bodies, as in the back office).
 */
function ownLookups(content: BodyContent, ids: Ids) {
  const own = new Set([...content.file.organizations, ...content.file.people, ...content.meetings].map((r) => r.slug));
  const check = (key: string, what: string, file: string) => {
    if (own.has(key)) return;
    if (ids.bodyOf.has(key)) throw new Error(seedMessages.otherBody(file, what, key, content.file.body.slug));
    throw new Error(seedMessages.unknownReference(file, what, key));
  };
  return {
    organization: (key: string, what: string, file: string) => (check(key, what, file), lookup(ids.organizations, key, what, file)),
    person: (key: string, what: string, file: string) => (check(key, what, file), lookup(ids.people, key, what, file)),
    meeting: check,
  };
}

/** Reads content/ and writes it into `db` in one transaction; returns what changed. */
export async function importContent(db: Database, root: string): Promise<ImportStats> {
  const bodies = readContent(root);
  const legalTexts = new Map(bodies.map((content) => [content.file.body.slug, readLegalTexts(content.folder)]));
  const stats: ImportStats = { created: 0, updated: 0, unchanged: 0 };
  const ids: Ids = { organizations: new Map(), people: new Map(), papers: new Map(), agendaItems: new Map(), bodyOf: new Map() };
  for (const content of bodies) {
    for (const r of [...content.file.organizations, ...content.file.people, ...content.meetings]) ids.bodyOf.set(r.slug, content.file.body.slug);
  }
  await db.transaction(async (tx) => {
    for (const content of bodies) await importBody(tx, content, ids, stats, legalTexts.get(content.file.body.slug) ?? []);
    for (const content of bodies) await importPaperLinks(tx, content, ids, stats);
    for (const content of bodies) await importDemands(tx, content, ids, stats);
  });
  // A running portal (npm run db:seed beside it) drops everything it cached or derived.
  if (stats.created + stats.updated > 0) await recordChangeWith(db.$client, [EVERYTHING]);
  return stats;
}

async function importBody(tx: Executor, content: BodyContent, ids: Ids, stats: ImportStats, legalTexts: LegalTextEntry[]): Promise<void> {
  const published = { publishedAt: t.nowIso() };
  const { body, organizations, people, memberships } = content.file;
  const own = ownLookups(content, ids);
  const bodyId = await upsertRow(tx, t.body, eq(t.body.slug, body.slug), {
    slug: body.slug, name: body.name, shortName: body.shortName ?? null, classification: body.classification ?? null,
    website: body.website ?? null, replyDeadlineDays: body.replyDeadlineDays ?? null,
  }, stats, published);
  await importLegalTexts(tx, bodyId, legalTexts, stats);
  for (const org of organizations) {
    const id = await upsertRow(tx, t.organization, eq(t.organization.slug, org.slug), {
      bodyId, slug: org.slug, name: org.name, shortName: org.shortName ?? null, kind: org.kind, classification: org.classification ?? null,
      parentId: org.parent ? own.organization(org.parent, 'Übergeordnete Organisation', content.folder) : null,
      descriptionMd: org.description ?? null, descriptionHtml: org.description ? renderMarkdown(org.description) : null,
    }, stats, published);
    ids.organizations.set(org.slug, id);
  }
  for (const p of people) {
    ids.people.set(p.slug, await upsertRow(tx, t.person, eq(t.person.slug, p.slug), {
      bodyId, slug: p.slug, name: p.name, formOfAddress: p.formOfAddress ?? null, title: p.title ?? null,
      givenName: p.givenName ?? null, familyName: p.familyName ?? null, position: p.position ?? null,
    }, stats, published));
  }
  for (const m of memberships) {
    const personId = own.person(m.person, 'Person', content.folder);
    const organizationId = own.organization(m.organization, 'Organisation', content.folder);
    const role = m.role ?? null;
    await upsertRow(tx, t.membership, and(eq(t.membership.personId, personId), eq(t.membership.organizationId, organizationId), eqOrNull(t.membership.role, role))!, {
      personId, organizationId, role, votingRight: m.votingRight, startDate: m.startDate ?? null, endDate: m.endDate ?? null,
      onBehalfOfId: m.onBehalfOf ? own.organization(m.onBehalfOf, 'Organisation', content.folder) : null,
    }, stats);
  }
  for (const m of content.meetings) {
    const meetingId = await upsertRow(tx, t.meeting, eq(t.meeting.slug, m.slug), {
      bodyId, slug: m.slug, name: m.name, start: m.start, end: m.end ?? null, location: m.location ?? null, occasion: m.occasion ?? null,
      meetingState: m.meetingState, cancelled: m.cancelled, editorialNote: m.editorialNote ?? null,
    }, stats, published);
    for (const slug of m.organizations) {
      const organizationId = own.organization(slug, 'Gremium', m.path);
      await ensureLink(tx, t.meetingOrganization, and(eq(t.meetingOrganization.meetingId, meetingId), eq(t.meetingOrganization.organizationId, organizationId))!, { meetingId, organizationId }, stats);
    }
    for (const item of m.agenda) {
      const id = await upsertRow(tx, t.agendaItem, and(eq(t.agendaItem.meetingId, meetingId), eq(t.agendaItem.number, item.number))!, {
        meetingId, order: item.order, number: item.number, name: item.name, public: item.public,
        minutesMd: item.minutes ?? null, minutesHtml: item.minutes ? renderMarkdown(item.minutes) : null, result: item.result ?? null,
        resolutionMd: item.resolution ?? null, resolutionHtml: item.resolution ? renderMarkdown(item.resolution) : null,
      }, stats, published);
      ids.agendaItems.set(`${m.slug}#${item.number}`, id);
    }
  }
  for (const p of content.papers) {
    ids.papers.set(p.slug, await upsertRow(tx, t.paper, eq(t.paper.slug, p.slug), {
      bodyId, slug: p.slug, reference: p.reference ?? null, fileNumber: p.fileNumber ?? null, name: p.name, paperType: p.paperType, date: p.date,
      underDirectionOfId: p.underDirectionOf ? own.organization(p.underDirectionOf, 'Federführung', p.path) : null,
      textKind: p.textKind, textSourceNote: p.textSourceNote ?? null, textMd: p.text || null, textHtml: p.text ? renderMarkdown(p.text) : null,
    }, stats, documentTime(p.date)));
  }
}

async function importPaperLinks(tx: Executor, content: BodyContent, ids: Ids, stats: ImportStats): Promise<void> {
  const own = ownLookups(content, ids);
  for (const p of content.papers) {
    const paperId = lookup(ids.papers, p.slug, 'Vorlage', p.path);
    for (const slug of p.originators.organizations) {
      const organizationId = own.organization(slug, 'Urheber', p.path);
      await ensureLink(tx, t.paperOriginator, and(eq(t.paperOriginator.paperId, paperId), eq(t.paperOriginator.organizationId, organizationId))!, { paperId, organizationId }, stats);
    }
    for (const slug of p.originators.people) {
      const personId = own.person(slug, 'Urheber', p.path);
      await ensureLink(tx, t.paperOriginator, and(eq(t.paperOriginator.paperId, paperId), eq(t.paperOriginator.personId, personId))!, { paperId, personId }, stats);
    }
    for (const r of p.relations) {
      const toPaperId = lookup(ids.papers, r.paper, 'Vorlage', p.path);
      const where = and(eq(t.paperRelation.fromPaperId, paperId), eq(t.paperRelation.toPaperId, toPaperId), eq(t.paperRelation.kind, r.kind))!;
      await ensureLink(tx, t.paperRelation, where, { fromPaperId: paperId, toPaperId, kind: r.kind }, stats);
    }
    for (const [order, c] of p.consultations.entries()) {
      const agendaItemId = c.agendaItem ? lookup(ids.agendaItems, `${c.meeting}#${c.agendaItem}`, 'Tagesordnungspunkt', p.path) : null;
      const [meeting] = await tx.select({ id: t.meeting.id }).from(t.meeting).where(eq(t.meeting.slug, c.meeting));
      if (!meeting) throw new Error(seedMessages.unknownReference(p.path, 'Sitzung', c.meeting));
      own.meeting(c.meeting, 'Sitzung', p.path);
      await upsertRow(tx, t.consultation, and(eq(t.consultation.paperId, paperId), eq(t.consultation.order, order))!, {
        paperId, order, meetingId: meeting.id, agendaItemId, role: c.role ?? null, authoritative: c.authoritative,
        organizationId: c.organization ? own.organization(c.organization, 'Gremium', p.path) : null,
      }, stats);
    }
    for (const [order, f] of p.files.entries()) {
      await upsertRow(tx, t.file, and(eq(t.file.paperId, paperId), eq(t.file.order, order))!, { paperId, order, name: f.name, size: f.size ?? null }, stats, { publishedAt: t.nowIso() });
    }
  }
}

async function importDemands(tx: Executor, content: BodyContent, ids: Ids, stats: ImportStats): Promise<void> {
  for (const p of content.papers) {
    const paperId = lookup(ids.papers, p.slug, 'Vorlage', p.path);
    for (const d of p.demands) await importDemand(tx, d, { paperId, agendaItemId: null }, ids, stats, p.path, null, content);
  }
  for (const m of content.meetings) {
    for (const item of m.agenda) {
      const agendaItemId = lookup(ids.agendaItems, `${m.slug}#${item.number}`, 'Tagesordnungspunkt', m.path);
      for (const d of item.demands) await importDemand(tx, d, { paperId: null, agendaItemId }, ids, stats, m.path, m.slug, content);
    }
  }
}

async function importDemand(
  tx: Executor, d: DemandEntry, owner: { paperId: number | null; agendaItemId: number | null }, ids: Ids, stats: ImportStats, file: string, meetingSlug: string | null, content: BodyContent,
): Promise<void> {
  // The stored status is where the follow-ups lead from the initial status, along the allowed graph only.
  let status = initialStatus(owner.paperId !== null ? 'paper' : 'agendaItem');
  for (const f of d.followUps) {
    if (!f.statusAfter) continue;
    const check = checkTransition(status, f.statusAfter);
    if (!check.ok) throw new Error(`${file}, Forderung ${d.ordinal}: ${check.error}`);
    status = f.statusAfter;
  }
  const where = owner.paperId !== null
    ? and(eq(t.demand.paperId, owner.paperId), eq(t.demand.ordinal, d.ordinal))!
    : and(eq(t.demand.agendaItemId, owner.agendaItemId!), eq(t.demand.ordinal, d.ordinal))!;
  const demandId = await upsertRow(tx, t.demand, where, {
    ...owner, ordinal: d.ordinal, title: d.title, textMd: d.text, textHtml: renderMarkdown(d.text), sourceQuote: d.sourceQuote ?? null, status,
    responsibleOrganizationId: d.responsible ? ownLookups(content, ids).organization(d.responsible, 'Zuständige Stelle', file) : null, dueDate: d.dueDate ?? null,
  }, stats, { publishedAt: t.nowIso() });
  for (const [ordinal, f] of d.followUps.entries()) {
    const sourceAgendaItemId = f.sourceAgendaItem
      ? lookup(ids.agendaItems, `${meetingSlug ?? ''}#${f.sourceAgendaItem}`, 'Quelle (Tagesordnungspunkt)', file)
      : null;
    await upsertRow(tx, t.followUp, and(eq(t.followUp.demandId, demandId), eq(t.followUp.ordinal, ordinal))!, {
      demandId, ordinal, date: f.date, kind: f.kind, textMd: f.text, textHtml: renderMarkdown(f.text), statusAfter: f.statusAfter ?? null,
      nextDueDate: f.nextDueDate ?? null, sourcePaperId: f.sourcePaper ? lookup(ids.papers, f.sourcePaper, 'Quelle (Vorlage)', file) : null,
      sourceAgendaItemId, sourceQuote: f.sourceQuote ?? null,
    }, stats, documentTime(f.date));
  }
}
