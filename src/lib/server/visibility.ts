// What the public may see, for every kind of record, in one place. A record is public while it is published (not a
// draft), not in the trash, and everything it hangs off is public too:
//
//   body          published, not trashed
//   organization  published, not trashed, its body public
//   person        published, not trashed, its body public
//   membership    not trashed, its person and its organization public
//   paper         published, not trashed, its body public
//   meeting       published, not trashed, its body public
//   agenda item   published, not trashed, `public = 1`, its meeting public (a non-public item in a public meeting
//                 may be named by its number and title only: listedAgendaItem)
//   consultation  not trashed, its paper public
//   file          published, not trashed, and every paper, meeting or agenda item it is attached to public
//   demand        published, not trashed, its paper or its agenda item public
//   follow-up     published, not trashed, its demand public
//   legislative term  published, not trashed, its body public
//   location      published, not trashed, its body (where it has one) public
//
// Each rule is written once, as a drizzle condition on a table or an alias of it (`publicFile(t.file)` is a WHERE or
// JOIN condition; parents are tested with correlated EXISTS on their primary keys, the few bodies with one IN list,
// so a condition costs a few primary-key lookups per row and binds no parameters). A query over many rows applies
// the rule once, in its main table, rather than again in every subquery. `publicSql(kind, alias)` renders the very
// same condition as an SQL string for the raw-SQL search record builder.
import { and, isNotNull, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, SQLiteAsyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';

/** A table (or an alias of one) with the named columns. */
type Columns<K extends string> = { [key in K]: SQLiteColumn };

/** A table with the publishing columns. */
type Publishable = Columns<'publishedAt' | 'deletedAt'>;

/**
 * The record's own state only: published (not a draft) and not in the trash. Public reads use the rules below, which
 * add the parents; this is the building block (its terms are what the partial index paper_public_body_date_idx names).
 */
export function isPublic(table: Publishable): SQL {
  return and(isNotNull(table.publishedAt), isNull(table.deletedAt))!;
}

/** `EXISTS` a row of `table` with primary key `ref` that satisfies `condition`. */
function parent(table: SQLWrapper, id: SQLiteColumn, ref: SQLiteColumn, condition: SQL): SQL {
  return sql`exists (select 1 from ${table} where ${id} = ${ref} and ${condition})`;
}

/**
 * `ref` names a public body. Bodies are few: one IN list, evaluated once per query. The unary `+` keeps the planner
 * from picking an index on `ref` for this test over the index an ordered query walks (without it the feed of changed
 * papers took 300 ms instead of 1 ms at 100,000 papers).
 */
function inPublicBody(ref: SQLiteColumn): SQL {
  return sql`+${ref} in (select ${t.body.id} from ${t.body} where ${publicBody(t.body)})`;
}

/** A body the public may see. */
export function publicBody(b: Publishable = t.body): SQL {
  return isPublic(b);
}

/** An organization the public may see: its own state and its body's. */
export function publicOrganization(o: Publishable & Columns<'bodyId'> = t.organization): SQL {
  return and(isPublic(o), inPublicBody(o.bodyId))!;
}

/** A person the public may see: their own state and their body's. */
export function publicPerson(p: Publishable & Columns<'bodyId'> = t.person): SQL {
  return and(isPublic(p), inPublicBody(p.bodyId))!;
}

/** A membership the public may see: not trashed, between a public person and a public organization. */
export function publicMembership(m: Columns<'deletedAt' | 'personId' | 'organizationId'> = t.membership): SQL {
  return and(
    isNull(m.deletedAt),
    parent(t.person, t.person.id, m.personId, publicPerson(t.person)),
    parent(t.organization, t.organization.id, m.organizationId, publicOrganization(t.organization)),
  )!;
}

/** A paper the public may see: its own state and its body's. */
export function publicPaper(p: Publishable & Columns<'bodyId'> = t.paper): SQL {
  return and(isPublic(p), inPublicBody(p.bodyId))!;
}

/** A meeting the public may see: its own state and its body's. */
export function publicMeeting(m: Publishable & Columns<'bodyId'> = t.meeting): SQL {
  return and(isPublic(m), inPublicBody(m.bodyId))!;
}

/** An agenda item the public may know by its number and title: published, not trashed, in a public meeting. */
export function listedAgendaItem(a: Publishable & Columns<'meetingId'> = t.agendaItem): SQL {
  return and(isPublic(a), parent(t.meeting, t.meeting.id, a.meetingId, publicMeeting(t.meeting)))!;
}

/** An agenda item the public may see in full (minutes, result, files, demands): listed and marked public. */
export function publicAgendaItem(a: Publishable & Columns<'meetingId' | 'public'> = t.agendaItem): SQL {
  // Written without a bound parameter, so that publicSql can render it as plain SQL.
  return and(sql`${a.public} = 1`, listedAgendaItem(a))!;
}

/** A step of a Beratungsfolge the public may see: not trashed, of a public paper (its meeting and organization are links, each shown only where public). */
export function publicConsultation(c: Columns<'deletedAt' | 'paperId'> = t.consultation): SQL {
  return and(isNull(c.deletedAt), parent(t.paper, t.paper.id, c.paperId, publicPaper(t.paper)))!;
}

/** A file the public may see: its own state, and every paper, meeting and agenda item it is attached to public. */
export function publicFile(f: Publishable & Columns<'paperId' | 'meetingId' | 'agendaItemId'> = t.file): SQL {
  return and(
    isPublic(f),
    or(isNotNull(f.paperId), isNotNull(f.meetingId), isNotNull(f.agendaItemId)),
    or(isNull(f.paperId), parent(t.paper, t.paper.id, f.paperId, publicPaper(t.paper))),
    or(isNull(f.meetingId), parent(t.meeting, t.meeting.id, f.meetingId, publicMeeting(t.meeting))),
    or(isNull(f.agendaItemId), parent(t.agendaItem, t.agendaItem.id, f.agendaItemId, publicAgendaItem(t.agendaItem))),
  )!;
}

/** A demand the public may see: its own state, and its paper or its agenda item public. */
export function publicDemand(d: Publishable & Columns<'paperId' | 'agendaItemId'> = t.demand): SQL {
  return and(
    isPublic(d),
    or(parent(t.paper, t.paper.id, d.paperId, publicPaper(t.paper)), parent(t.agendaItem, t.agendaItem.id, d.agendaItemId, publicAgendaItem(t.agendaItem))),
  )!;
}

/** A follow-up the public may see: its own state and its demand's. */
export function publicFollowUp(f: Publishable & Columns<'demandId'> = t.followUp): SQL {
  return and(isPublic(f), parent(t.demand, t.demand.id, f.demandId, publicDemand(t.demand)))!;
}

/** A legislative term (Wahlperiode) the public may see: its own state and its body's. */
export function publicLegislativeTerm(l: Publishable & Columns<'bodyId'> = t.legislativeTerm): SQL {
  return and(isPublic(l), inPublicBody(l.bodyId))!;
}

/** A place the public may see: its own state, and its body's where it belongs to one. */
export function publicLocation(l: Publishable & Columns<'bodyId'> = t.location): SQL {
  return and(isPublic(l), or(isNull(l.bodyId), inPublicBody(l.bodyId)))!;
}

/** The rule of each record kind, with its table, by the name the search builder uses. */
const rules = {
  body: [t.body, publicBody],
  organization: [t.organization, publicOrganization],
  person: [t.person, publicPerson],
  membership: [t.membership, publicMembership],
  paper: [t.paper, publicPaper],
  meeting: [t.meeting, publicMeeting],
  listedAgendaItem: [t.agendaItem, listedAgendaItem],
  agendaItem: [t.agendaItem, publicAgendaItem],
  consultation: [t.consultation, publicConsultation],
  file: [t.file, publicFile],
  demand: [t.demand, publicDemand],
  followUp: [t.followUp, publicFollowUp],
  legislativeTerm: [t.legislativeTerm, publicLegislativeTerm],
  location: [t.location, publicLocation],
} as const;

/** A kind of record with a public-visibility rule. */
export type VisibleKind = keyof typeof rules;

const dialect = new SQLiteAsyncDialect();
const rendered = new Map<string, string>();

/**
 * The rule of `kind` as an SQL string on the table alias `as` (e.g. `publicSql('paper', 'p')` for `FROM paper p`),
 * for queries written as SQL text. It is the drizzle rule above, rendered; it binds no parameters.
 */
export function publicSql(kind: VisibleKind, as: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(as)) throw new Error(`Ungültiger Tabellenalias „${as}“ für publicSql.`);
  const key = `${kind}:${as}`;
  let text = rendered.get(key);
  if (text === undefined) {
    const [table, rule] = rules[kind];
    const query = dialect.sqlToQuery((rule as (table: unknown) => SQL)(alias(table as typeof t.paper, as)));
    if (query.params.length) throw new Error(`Die Sichtbarkeitsregel für ${kind} bindet Parameter und lässt sich nicht als SQL-Text verwenden.`);
    text = query.sql;
    rendered.set(key, text);
  }
  return text;
}
