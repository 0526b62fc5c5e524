// iCalendar feeds: meetings (all, of one organization, or one meeting) and due dates of open demands. Built with
// ical-generator.
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { isSettled } from '@/lib/domain/status-graph';
import { demandName, demandStatusLabel, deadlineLabel } from '@/lib/domain/labels';
import { parseInstant, readDay, readInstant } from '@/lib/dates';
import { meetingUrl, demandUrl } from '@/lib/urls';
import { listMeetings, type MeetingListItem } from '@/lib/server/meetings/read';
import type { TrackedDemand } from '@/lib/server/tracking/load';

// Meeting times are written as Berlin wall-clock times (DTSTART;TZID=Europe/Berlin) with the zone's VTIMEZONE block,
// as ical-generator recommends for a time zone: a calendar shows "17:00" for a 17:00 meeting, also across DST. The
// dates are TZDate objects, whose local fields are Berlin's whatever the server's own zone is. Due dates are whole
// days (VALUE=DATE) and carry no time zone at all.
const CALENDAR_TTL_SECONDS = 60 * 60;
const TIME_ZONE = 'Europe/Berlin';

/** An instant as a date whose fields read in Berlin time. */
function berlinTime(instant: Date): TZDate {
  return new TZDate(instant.getTime(), TIME_ZONE);
}

/**
 * A meeting calendar whose events bring the VTIMEZONE block of their zone. The calendar itself names no zone:
 * ical-generator writes DTSTAMP in the calendar's zone, and RFC 5545 wants DTSTAMP in UTC.
 */
function meetingCalendarBase(name: string): ICalCalendar {
  const calendar = ical({ name, prodId: { company: 'Ratsfaden', product: 'Sitzungskalender', language: 'DE' }, ttl: CALENDAR_TTL_SECONDS });
  calendar.timezone({ name: null, generator: (zone) => {
    const block = tzlib_get_ical_block(zone);
    return Array.isArray(block) ? block[0] ?? null : null;
  } });
  return calendar;
}

/** The fields of a meeting a calendar entry needs. */
export type CalendarMeeting = Pick<MeetingListItem, 'slug' | 'name' | 'start' | 'end' | 'location' | 'cancelled' | 'organizations'>;

function addMeeting(calendar: ICalCalendar, origin: string, m: CalendarMeeting): void {
  const url = `${origin}${meetingUrl(m.slug)}`;
  // A meeting whose start cannot be read has no place in a calendar; its page shows the date as unknown.
  const start = readInstant(m.start, { table: 'meeting', id: m.slug, field: 'start' });
  if (!start) return;
  // An end that cannot be read, or before the start, would make the entry invalid; it is left out rather than written.
  const endAt = m.end ? readInstant(m.end, { table: 'meeting', id: m.slug, field: 'end' }) : null;
  const end = endAt && endAt > start ? berlinTime(endAt) : null;
  calendar.createEvent({
    id: url,
    start: berlinTime(start),
    end,
    timezone: TIME_ZONE,
    summary: `${m.cancelled ? 'ABGESAGT: ' : ''}${m.name}`,
    description: `${m.organizations.map((o) => o.name).join(', ')}\nTagesordnung und Niederschrift: ${url}`,
    location: m.location ?? undefined,
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url,
  });
}

/** Calendar of published meetings (the 500 most recent past ones and everything ahead), optionally of one organization. */
export async function meetingsCalendar(origin: string, options: { organization?: string; name: string }): Promise<string> {
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listMeetings({ when: 'upcoming', organization: options.organization, pageSize: 500, now }),
    listMeetings({ when: 'past', organization: options.organization, pageSize: 500, now }),
  ]);
  const calendar = meetingCalendarBase(options.name);
  for (const m of [...past.items.reverse(), ...upcoming.items]) addMeeting(calendar, origin, m);
  return calendar.toString();
}

/** Calendar file of one meeting, to add it to one's own calendar from the meeting page. */
export function meetingCalendar(origin: string, meeting: CalendarMeeting): string {
  const calendar = meetingCalendarBase(meeting.name);
  addMeeting(calendar, origin, meeting);
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
      summary: `Frist: ${demandName(d.id)} „${d.title}“${d.overdue ? ' (überfällig)' : ''}`,
      description: `${deadlineLabel(d.dueSource)} – Stand: ${demandStatusLabel(d.status, { table: 'demand', id: d.id, field: 'status' })}\nZuständig: ${d.responsible?.name ?? 'nicht erfasst'}\n${url}`,
      url,
    });
  }
  return calendar.toString();
}
