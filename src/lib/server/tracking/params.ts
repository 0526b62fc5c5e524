// The tracker's URL parameters: one definition for the page, the CSV export and the calendar of due dates.
import { demandStatuses } from '@/lib/domain/vocabulary';
import { fromSchema, oneOf, parseFilters, slugValue, wholeNumber } from '@/lib/server/list-params';
import { listParam } from '@/lib/validation/fields';
import { listMessages } from '@/lib/validation/messages';
import type { TrackerFilters } from '@/lib/server/tracking/filter';
import type { KnownValues } from '@/lib/server/tracking/tracker-index';

/** URL names of the tracker's filters. */
export const trackerParamNames: Record<keyof TrackerFilters, string> = {
  body: 'koerperschaft',
  organization: 'gremium',
  originator: 'urheber',
  responsible: 'zustaendig',
  status: 'status',
  overdue: 'ueberfaellig',
  year: 'jahr',
};

/** Parses the tracker's filters; malformed values, and slugs no demand has (`known`), are dropped with a German notice. */
export function parseTrackerParams(params: URLSearchParams, known: KnownValues): { filters: TrackerFilters; notices: string[] } {
  const { values, notices } = parseFilters<TrackerFilters>(params, {
    body: { name: trackerParamNames.body, label: 'Körperschaft', parse: slugValue },
    organization: { name: trackerParamNames.organization, label: 'Gremium', parse: slugValue },
    originator: { name: trackerParamNames.originator, label: 'Eingebracht von', parse: slugValue },
    responsible: { name: trackerParamNames.responsible, label: 'Zuständige Stelle', parse: slugValue },
    status: { name: trackerParamNames.status, label: 'Status', parse: oneOf(demandStatuses) },
    overdue: { name: trackerParamNames.overdue, label: 'Nur überfällige', parse: fromSchema(listParam.yes) },
    year: { name: trackerParamNames.year, label: 'Jahr', parse: wholeNumber(1900, 2100) },
  });
  for (const key of ['body', 'organization', 'originator', 'responsible'] as const) {
    const value = values[key];
    if (value && !known[key].has(value)) {
      notices.push(listMessages.noDemandsFor(value));
      delete values[key];
    }
  }
  return { filters: values, notices };
}

/** The query string of a filter set, for links, the CSV export and feeds. */
export function trackerQuery(filters: TrackerFilters): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(trackerParamNames) as (keyof TrackerFilters)[]) {
    const value = filters[key];
    if (value === undefined || value === false) continue;
    query.set(trackerParamNames[key], value === true ? 'ja' : String(value));
  }
  const qs = query.toString();
  return qs ? `?${qs}` : '';
}
