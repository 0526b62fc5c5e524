// iCalendar feeds: meetings (all or of one organization) and due dates of open demands. Built with ical-generator.
import ical from 'ical-generator';
import { isSettled } from '@/lib/domain/status-graph';
import { demandStatusLabel, deadlineLabel } from '@/lib/domain/labels';
import { parseInstant, readDay, readInstant } from '@/lib/dates';
import { meetingUrl, demandUrl } from '@/lib/urls';
import { listMeetings } from '@/lib/server/meetings/read';
import type { TrackedDemand } from '@/lib/server/tracking/load';

// Times are written in UTC (…Z), which every calendar converts to the reader's zone without a VTIMEZONE block;
// due dates are whole days (VALUE=DATE) and carry no time zone at all.
const CALENDAR_TTL_SECONDS = 60 * 60;

/** Calendar of published meetings (the 500 most recent past ones and everything ahead), optionally of one organization. */
export async function meetingsCalendar(origin: string, options: { organization?: string; name: string }): Promise<string> {
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listMeetings({ when: 'upcoming', organization: options.organization, pageSize: 500, now }),
    listMeetings({ when: 'past', organization: options.organization, pageSize: 500, now }),
  ]);
  const calendar = ical({ name: options.name, prodId: { company: 'Ratsfaden', product: 'Sitzungskalender', language: 'DE' }, ttl: CALENDAR_TTL_SECONDS });
  for (const m of [...past.items.reverse(), ...upcoming.items]) {
    const url = `${origin}${meetingUrl(m.slug)}`;
    // A meeting whose start cannot be read has no place in a calendar; its page shows the date as unknown.
    const start = readInstant(m.start, { table: 'meeting', id: m.slug, field: 'start' });
    if (!start) continue;
    calendar.createEvent({
      id: url,
      start,
      summary: `${m.cancelled ? 'ABGESAGT: ' : ''}${m.name}`,
      description: `${m.organizations.map((o) => o.name).join(', ')}\nTagesordnung und Niederschrift: ${url}`,
      location: m.location ?? undefined,
      url,
    });
  }
  return calendar.toString();
}

/** Calendar of the due dates of the given demands that are still open, one all-day event each. */
export function dueDatesCalendar(origin: string, demands: readonly TrackedDemand[], name: string): string {
  const calendar = ical({ name, prodId: { company: 'Ratsfaden', product: 'Fristen', language: 'DE' }, ttl: CALENDAR_TTL_SECONDS });
  for (const d of demands) {
    if (!d.dueDate || isSettled(d.status)) continue;
    // A due date that is no real day cannot be placed; the tracker shows it as unknown.
    const day = readDay(d.dueDate, { table: 'demand', id: d.id, field: 'dueDate' });
    if (!day) continue;
    const url = `${origin}${demandUrl(d.id)}`;
    calendar.createEvent({
      id: `${url}#frist`,
      // Noon UTC lies on the same calendar day everywhere in Europe, so the all-day date cannot shift.
      start: parseInstant(day)!,
      allDay: true,
      summary: `Frist: ${d.title}${d.overdue ? ' (überfällig)' : ''}`,
      description: `${deadlineLabel(d.dueSource)} – Stand: ${demandStatusLabel(d.status, { table: 'demand', id: d.id, field: 'status' })}\nZuständig: ${d.responsible?.name ?? 'nicht erfasst'}\n${url}`,
      url,
    });
  }
  return calendar.toString();
}
