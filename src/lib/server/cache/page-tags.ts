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
};
