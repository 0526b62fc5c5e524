// The traffic-light colours of demands (src/styles/global.css) meet WCAG AA: at least 4.5:1 against the page's
// backgrounds, so the coloured status text is readable, and each category has its own colour.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories } from '@/lib/server/tracking/stats';

const css = fs.readFileSync(path.join(import.meta.dirname, '../../src/styles/global.css'), 'utf8');

function variable(name: string): string {
  const value = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`))?.[1];
  if (!value) throw new Error(`--${name} fehlt in global.css oder ist keine Farbe im Format #rrggbb.`);
  return value;
}

/** Relative luminance after WCAG 2.1. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('traffic-light colours', () => {
  it.each(categories.map((c) => [c]))('%s has at least 4.5:1 against the page and the washed background', (category) => {
    const colour = variable(`tone-${category}`);
    expect(contrast(colour, variable('paper'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, variable('wash'))).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every category its own colour, and green only to the fulfilled one', () => {
    const colours = categories.map((c) => variable(`tone-${c}`).toLowerCase());
    expect(new Set(colours).size).toBe(categories.length);
    const greenest = categories.filter((c) => {
      const hex = variable(`tone-${c}`);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return g! > r! && g! > b!;
    });
    expect(greenest).toEqual(['fulfilled']);
  });
});
