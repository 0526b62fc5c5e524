// Demand status changes follow the graph of DESIGN.md; a refused change tells the clerk what is allowed instead.
import { describe, expect, it } from 'vitest';
import { demandStatuses, type DemandStatus } from '@/lib/domain/vocabulary';
import { allowedTransitions, checkTransition, isSettled } from '@/lib/domain/status-graph';

describe('Demand status transitions', () => {
  it.each<[DemandStatus, DemandStatus]>([
    ['eingereicht', 'in_beratung'],
    ['in_beratung', 'beschlossen'],
    ['in_beratung', 'abgelehnt'],
    ['in_beratung', 'zurueckgezogen'],
    ['beschlossen', 'in_umsetzung'],
    ['in_umsetzung', 'umgesetzt'],
    ['eingereicht', 'erledigt'],
    ['in_beratung', 'erledigt'],
    ['in_umsetzung', 'erledigt'],
  ])('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it('accepts saving a demand without changing its status', () => {
    for (const status of demandStatuses) expect(checkTransition(status, status)).toEqual({ ok: true });
  });

  it('refuses skipping the decision and names the allowed next states in German', () => {
    const result = checkTransition('eingereicht', 'umgesetzt');
    expect(result).toEqual({
      ok: false,
      error: 'Der Status kann nicht von „Eingereicht“ zu „Umgesetzt“ wechseln. Erlaubt sind: „In Beratung“, „Erledigt“, „Zurückgezogen“.',
    });
  });

  it('refuses implementing a rejected demand and says that nothing can follow', () => {
    const result = checkTransition('abgelehnt', 'in_umsetzung');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('„Abgelehnt“ zu „In Umsetzung“');
      expect(result.error).toContain('keine Änderung mehr möglich');
    }
  });

  it('refuses going back from a decision to consultation', () => {
    const result = checkTransition('beschlossen', 'in_beratung');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('Erlaubt sind: „In Umsetzung“, „Erledigt“.');
  });

  it('treats exactly the end states as settled, and lets nothing follow them', () => {
    const settled = demandStatuses.filter(isSettled);
    expect(settled.sort()).toEqual(['abgelehnt', 'erledigt', 'umgesetzt', 'zurueckgezogen']);
    for (const status of settled) expect(allowedTransitions[status]).toEqual([]);
    for (const status of demandStatuses.filter((s) => !isSettled(s))) expect(allowedTransitions[status].length).toBeGreaterThan(0);
  });
});
