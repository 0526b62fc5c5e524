// The demand status graph of DESIGN.md, enforced here and nowhere else, and what each status means for the reader.
import type { DemandStatus } from '@/lib/domain/vocabulary';
import { demandStatusLabels } from '@/lib/domain/labels';
import { trackingMessages } from '@/lib/validation/messages';

/**
 * Allowed next states per state. Before a decision the administration may fulfil, decline or settle a demand
 * without acting on it; after a decision it is implemented (or, exceptionally, settled without implementation).
 */
export const allowedTransitions: Record<DemandStatus, readonly DemandStatus[]> = {
  eingereicht: ['in_beratung', 'erfuellt', 'von_verwaltung_abgelehnt', 'erledigt_ohne_umsetzung', 'zurueckgezogen'],
  in_beratung: ['beschlossen', 'abgelehnt', 'erfuellt', 'von_verwaltung_abgelehnt', 'erledigt_ohne_umsetzung', 'zurueckgezogen'],
  beschlossen: ['in_umsetzung', 'umgesetzt', 'erledigt_ohne_umsetzung'],
  in_umsetzung: ['umgesetzt', 'erledigt_ohne_umsetzung'],
  umgesetzt: [],
  erfuellt: [],
  abgelehnt: [],
  von_verwaltung_abgelehnt: [],
  erledigt_ohne_umsetzung: [],
  zurueckgezogen: [],
};

/**
 * What a status tells the reader, and so its traffic-light colour: open (amber), fulfilled (green – the only
 * green: readers take green as "done as demanded"), declined by a committee or the administration, or closed
 * otherwise (withdrawn, settled without the demand being met). Overdue (red) is derived from due dates, not stored.
 */
export type StatusTone = 'open' | 'fulfilled' | 'declined' | 'closed';

/** The tone of every status. */
export const statusTones: Record<DemandStatus, StatusTone> = {
  eingereicht: 'open',
  in_beratung: 'open',
  beschlossen: 'open',
  in_umsetzung: 'open',
  umgesetzt: 'fulfilled',
  erfuellt: 'fulfilled',
  abgelehnt: 'declined',
  von_verwaltung_abgelehnt: 'declined',
  erledigt_ohne_umsetzung: 'closed',
  zurueckgezogen: 'closed',
};

/** The tone of a stored status; one outside the vocabulary (a bad stored value) is neutral, not any outcome. */
export function toneOf(status: string): StatusTone {
  return Object.hasOwn(statusTones, status) ? statusTones[status as DemandStatus] : 'closed';
}

/** True when the demand is closed, fulfilled or not. A status outside the vocabulary is not known to be closed. */
export function isSettled(status: DemandStatus): boolean {
  return Object.hasOwn(statusTones, status) && statusTones[status] !== 'open';
}

/** True only when what was demanded happened (umgesetzt, erfuellt). */
export function isFulfilled(status: DemandStatus): boolean {
  return toneOf(status) === 'fulfilled';
}

/** Checks one transition; the error names the allowed next states in German. */
export function checkTransition(from: DemandStatus, to: DemandStatus): { ok: true } | { ok: false; error: string } {
  if (from === to || allowedTransitions[from].includes(to)) return { ok: true };
  return { ok: false, error: trackingMessages.transitionRefused(demandStatusLabels[from], demandStatusLabels[to], allowedTransitions[from].map((s) => demandStatusLabels[s])) };
}

/**
 * Where a demand starts: a demand in a paper (motion, inquiry) is submitted; a demand raised in a
 * meeting is under discussion from the moment it is raised.
 */
export function initialStatus(owner: 'paper' | 'agendaItem'): DemandStatus {
  return owner === 'paper' ? 'eingereicht' : 'in_beratung';
}
