// What each public page shows, as page-cache tags (docs/decisions/0008-page-cache.md): a list names the kinds it
// lists, a record's page its record; every page names the master data whose names it prints.
import { recordTag } from '@/lib/server/changes/tags';

/** Bodies, organizations and people: printed by name almost everywhere, edited rarely. */
const MASTER = ['body', 'organization', 'person'];
/** Everything the tracker's rows are made of. */
const TRACKED = ['demand', 'followUp', 'paper', 'agendaItem', 'meeting', ...MASTER];

/** Tags of each public page. */
export const pageTags = {
  start: ['paper', 'meeting', ...MASTER],
  papers: ['paper', ...MASTER],
  paper: (id: number) => [recordTag('paper', id), ...MASTER],
  meetings: ['meeting', ...MASTER],
  meeting: (id: number) => [recordTag('meeting', id), ...MASTER],
  tracker: TRACKED,
  demand: (id: number) => [recordTag('demand', id), ...MASTER],
  organizations: ['membership', ...MASTER],
  organization: ['paper', 'meeting', 'demand', 'membership', ...MASTER],
  people: ['membership', ...MASTER],
  person: ['paper', 'membership', ...MASTER],
  paperFeed: ['paper', 'file', ...MASTER],
  demandFeed: TRACKED,
  meetingCalendar: ['meeting', 'agendaItem', ...MASTER],
  search: ['search', ...MASTER],
  /** Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit: every body's text of one kind. */
  legal: ['legalText', 'body'],
  /** robots.txt and security.txt: nothing saved changes them (PUBLIC_URL and SECURITY_CONTACT are read at start). */
  wellKnown: [] as string[],
  /** The sitemap index and its pages: the kinds they list, with everything their visibility follows. */
  sitemap: ['paper', 'meeting', 'agendaItem', 'demand', 'membership', ...MASTER],
};
