// Demand status changes follow the graph of DESIGN.md; a refused change tells the clerk what is allowed instead; only a
// fulfilled demand reads as green.
import { describe, expect, it } from 'vitest';
import { demandStatuses, type DemandStatus } from '@/lib/domain/vocabulary';
import { allowedTransitions, checkTransition, initialStatus, isFulfilled, isSettled, statusTones } from '@/lib/domain/status-graph';
import { demandStatusDescriptions, demandStatusLabels, demandStatusPhrases } from '@/lib/domain/labels';
import { categoryOf } from '@/lib/server/tracking/stats';

describe('Demand status transitions', () => {
  it.each<[DemandStatus, DemandStatus]>([
    ['eingereicht', 'in_beratung'],
    ['in_beratung', 'beschlossen'],
    ['in_beratung', 'abgelehnt'],
    ['in_beratung', 'zurueckgezogen'],
    ['beschlossen', 'in_umsetzung'],
    ['beschlossen', 'umgesetzt'],
    ['in_umsetzung', 'umgesetzt'],
    // The administration may answer a demand directly: fulfil it, decline it, or settle it without acting.
    ['eingereicht', 'erfuellt'],
    ['eingereicht', 'von_verwaltung_abgelehnt'],
    ['eingereicht', 'erledigt_ohne_umsetzung'],
    ['in_beratung', 'erfuellt'],
    ['in_beratung', 'von_verwaltung_abgelehnt'],
    ['in_beratung', 'erledigt_ohne_umsetzung'],
    ['in_umsetzung', 'erledigt_ohne_umsetzung'],
  ])('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it('accepts saving a demand without changing its status', () => {
    for (const status of demandStatuses) expect(checkTransition(status, status)).toEqual({ ok: true });
  });

  it('refuses skipping the decision and names the allowed next states in German', () => {
    expect(checkTransition('eingereicht', 'umgesetzt')).toEqual({
      ok: false,
      error: 'Der Status kann nicht von „Eingereicht“ zu „Umgesetzt“ wechseln. Erlaubt sind: „In Beratung“, „Erfüllt“, „Von der Verwaltung abgelehnt“, „Erledigt ohne Umsetzung“, „Zurückgezogen“.',
    });
  });

  it('refuses a committee rejection of a demand nobody has discussed yet', () => {
    expect(checkTransition('eingereicht', 'abgelehnt').ok).toBe(false);
  });

  it('refuses implementing a declined demand and says that nothing can follow', () => {
    const result = checkTransition('von_verwaltung_abgelehnt', 'in_umsetzung');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('„Von der Verwaltung abgelehnt“ zu „In Umsetzung“');
      expect(result.error).toContain('keine Änderung mehr möglich');
    }
  });

  it('refuses going back from a decision to consultation, or declining what was decided', () => {
    const result = checkTransition('beschlossen', 'in_beratung');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('Erlaubt sind: „In Umsetzung“, „Umgesetzt“, „Erledigt ohne Umsetzung“.');
    expect(checkTransition('beschlossen', 'von_verwaltung_abgelehnt').ok).toBe(false);
  });

  it('treats exactly the end states as settled, and lets nothing follow them', () => {
    const settled = demandStatuses.filter(isSettled);
    expect([...settled].sort()).toEqual(['abgelehnt', 'erfuellt', 'erledigt_ohne_umsetzung', 'umgesetzt', 'von_verwaltung_abgelehnt', 'zurueckgezogen']);
    for (const status of settled) expect(allowedTransitions[status]).toEqual([]);
    for (const status of demandStatuses.filter((s) => !isSettled(s))) expect(allowedTransitions[status].length).toBeGreaterThan(0);
  });

  it('reaches every status from where a demand starts', () => {
    const reached = new Set<DemandStatus>();
    const visit = (s: DemandStatus) => {
      if (reached.has(s)) return;
      reached.add(s);
      allowedTransitions[s].forEach(visit);
    };
    visit(initialStatus('paper'));
    visit(initialStatus('agendaItem'));
    expect([...reached].sort()).toEqual([...demandStatuses].sort());
  });

  it('starts a demand of a paper as submitted and one raised in a meeting as under discussion', () => {
    expect(initialStatus('paper')).toBe('eingereicht');
    expect(initialStatus('agendaItem')).toBe('in_beratung');
  });
});

describe('What a status tells the reader', () => {
  it('shows green (fulfilled) only for a demand that was implemented or otherwise fulfilled', () => {
    expect(demandStatuses.filter(isFulfilled).sort()).toEqual(['erfuellt', 'umgesetzt']);
    expect(demandStatuses.filter((s) => statusTones[s] === 'fulfilled').sort()).toEqual(['erfuellt', 'umgesetzt']);
  });

  it('tells a declined demand from a withdrawn one or one settled without action', () => {
    expect(statusTones.abgelehnt).toBe('declined');
    expect(statusTones.von_verwaltung_abgelehnt).toBe('declined');
    expect(statusTones.zurueckgezogen).toBe('closed');
    expect(statusTones.erledigt_ohne_umsetzung).toBe('closed');
    expect(categoryOf({ status: 'von_verwaltung_abgelehnt', overdue: false })).toBe('declined');
    expect(categoryOf({ status: 'in_beratung', overdue: true })).toBe('overdue');
  });

  it('names every status in German, in a sentence and with what it means, all distinct', () => {
    for (const table of [demandStatusLabels, demandStatusPhrases, demandStatusDescriptions]) {
      expect(Object.keys(table).sort()).toEqual([...demandStatuses].sort());
      expect(new Set(Object.values(table)).size).toBe(demandStatuses.length);
    }
    expect(demandStatusLabels.von_verwaltung_abgelehnt).toBe('Von der Verwaltung abgelehnt');
    expect(demandStatusPhrases.von_verwaltung_abgelehnt).toBe('von der Verwaltung abgelehnt');
  });
});
