// Objects a source names by URL where others embed them (a person's memberships, a meeting's agenda items, a paper's
// consultations and files, a place): fetched before a page is written, so no request waits inside a transaction.
import { deviationKinds as k, type DeviationLog } from './deviations';
import type { Fetcher } from './fetch';
import type { OparlType } from './parse';

/** Properties that hold embedded objects (or lists of them), per type, and the type they hold. */
const embeddable: Partial<Record<OparlType, Record<string, OparlType>>> = {
  Person: { membership: 'Membership' },
  Meeting: { location: 'Location', agendaItem: 'AgendaItem', invitation: 'File', resultsProtocol: 'File', verbatimProtocol: 'File', auxiliaryFile: 'File' },
  AgendaItem: { resolutionFile: 'File', auxiliaryFile: 'File' },
  Paper: { consultation: 'Consultation', mainFile: 'File', auxiliaryFile: 'File' },
};

/**
 * Replaces URLs in embeddable properties of `raw` (a `type`) by the objects they name, recursively; `skip` tells
 * which URLs need no fetch (a location already imported). An object the source does not serve is logged and left out.
 */
export async function hydrate(raw: unknown, type: OparlType, fetcher: Fetcher, log: DeviationLog, skip: (url: string) => boolean): Promise<unknown> {
  const fields = embeddable[type];
  if (!fields || typeof raw !== 'object' || raw === null) return raw;
  const object = { ...(raw as Record<string, unknown>) };
  const load = async (value: unknown, of: OparlType): Promise<unknown> => {
    if (typeof value !== 'string') return hydrate(value, of, fetcher, log, skip);
    if (skip(value)) return value;
    const fetched = await fetcher.json(value);
    if (!fetched.ok) {
      log.add(k.objectMissing, value, fetched.status ? `HTTP ${fetched.status}` : 'kein JSON');
      return undefined;
    }
    return hydrate(fetched.body, of, fetcher, log, skip);
  };
  await Promise.all(Object.entries(fields).map(async ([field, of]) => {
    const value = object[field];
    if (Array.isArray(value)) object[field] = (await Promise.all(value.map((v) => load(v, of)))).filter((v) => v !== undefined);
    else if (value != null) {
      // A place the source names by URL and that is already imported stays a reference.
      const loaded = await load(value, of);
      object[field] = loaded === undefined ? null : loaded;
    }
  }));
  return object;
}
