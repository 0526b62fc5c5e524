// The demand status graph of DESIGN.md, enforced here and nowhere else.
import type { DemandStatus } from '@/lib/domain/vocabulary';
import { demandStatusLabels } from '@/lib/domain/labels';

/** Allowed next states per state; `erledigt` (settled otherwise, e.g. answered) ends any open demand. */
export const allowedTransitions: Record<DemandStatus, readonly DemandStatus[]> = {
  eingereicht: ['in_beratung', 'erledigt', 'zurueckgezogen'],
  in_beratung: ['beschlossen', 'abgelehnt', 'zurueckgezogen', 'erledigt'],
  beschlossen: ['in_umsetzung', 'erledigt'],
  in_umsetzung: ['umgesetzt', 'erledigt'],
  abgelehnt: [],
  zurueckgezogen: [],
  umgesetzt: [],
  erledigt: [],
};

/** States in which a demand needs nothing more: no longer tracked for due dates. */
export const settledStatuses: readonly DemandStatus[] = ['abgelehnt', 'zurueckgezogen', 'umgesetzt', 'erledigt'];

/** True when the demand is closed. */
export function isSettled(status: DemandStatus): boolean {
  return settledStatuses.includes(status);
}

/** Checks one transition; the error names the allowed next states in German. */
export function checkTransition(from: DemandStatus, to: DemandStatus): { ok: true } | { ok: false; error: string } {
  if (from === to || allowedTransitions[from].includes(to)) return { ok: true };
  const next = allowedTransitions[from].map((s) => `„${demandStatusLabels[s]}“`);
  const allowed = next.length ? `Erlaubt sind: ${next.join(', ')}.` : 'Von diesem Status aus ist keine Änderung mehr möglich.';
  return { ok: false, error: `Der Status kann nicht von „${demandStatusLabels[from]}“ zu „${demandStatusLabels[to]}“ wechseln. ${allowed}` };
}

/**
 * Where a demand starts: a demand in a paper (motion, inquiry) is submitted; a demand raised in a
 * meeting is under discussion from the moment it is raised.
 */
export function initialStatus(owner: 'paper' | 'agendaItem'): DemandStatus {
  return owner === 'paper' ? 'eingereicht' : 'in_beratung';
}
