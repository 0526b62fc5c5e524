// List filters come from URLs people type, edit and share: bad values are dropped with a German notice, never a 500.
import { describe, expect, it } from 'vitest';
import { paperTypes } from '@/lib/domain/vocabulary';
import { clampPage, oneOf, parseFilters, slugValue, text, wholeNumber } from '@/lib/server/list-params';

// The filters of /vorlagen, as the page declares them.
const specs = {
  body: { name: 'koerperschaft', label: 'Körperschaft', parse: slugValue },
  type: { name: 'art', label: 'Art', parse: oneOf(paperTypes) },
  year: { name: 'jahr', label: 'Jahr', parse: wholeNumber(1900, 2100) },
  q: { name: 'q', label: 'Suchbegriff', parse: text },
  page: { name: 'seite', label: 'Seite', parse: wholeNumber(1, 100000) },
};
const parse = (query: string) => parseFilters(new URLSearchParams(query), specs);

describe('List filters from the URL', () => {
  it('reads valid values', () => {
    expect(parse('koerperschaft=landkreis-grafschaft-bentheim&art=antrag&jahr=2014&q=Willkommenskultur&seite=2')).toEqual({
      values: { body: 'landkreis-grafschaft-bentheim', type: 'antrag', year: 2014, q: 'Willkommenskultur', page: 2 },
      notices: [],
    });
  });

  it('treats empty and blank parameters as absent, without a notice', () => {
    expect(parse('art=&jahr=%20%20&q=')).toEqual({ values: {}, notices: [] });
  });

  it('trims surrounding blanks from a search term', () => {
    expect(parse('q=%20%20Ausl%C3%A4nderbeh%C3%B6rde%20').values.q).toBe('Ausländerbehörde');
  });

  it('drops an unknown paper type and says which value and filter were ignored', () => {
    expect(parse('art=resolution&jahr=2014')).toEqual({
      values: { year: 2014 },
      notices: ['Der Wert „resolution“ für „Art“ ist ungültig und wurde nicht berücksichtigt.'],
    });
  });

  it.each(['abc', '14', '1800', '2101', '2014.5', '-2014', '2014abc'])('drops the year „%s“ with a notice', (year) => {
    const { values, notices } = parse(`jahr=${encodeURIComponent(year)}`);
    expect(values).toEqual({});
    expect(notices).toEqual([`Der Wert „${year}“ für „Jahr“ ist ungültig und wurde nicht berücksichtigt.`]);
  });

  it('drops page 0 and negative pages with a notice', () => {
    expect(parse('seite=0').notices).toHaveLength(1);
    expect(parse('seite=-1').notices).toHaveLength(1);
    expect(parse('seite=0').values.page).toBeUndefined();
  });

  it('drops a malformed body slug with a notice', () => {
    expect(parse('koerperschaft=Landkreis%20Bentheim').notices).toEqual(['Der Wert „Landkreis Bentheim“ für „Körperschaft“ ist ungültig und wurde nicht berücksichtigt.']);
  });

  it('drops an overlong value and quotes only its beginning', () => {
    const { values, notices } = parse(`q=${'x'.repeat(500)}`);
    expect(values).toEqual({});
    expect(notices).toEqual([`Der Wert „${'x'.repeat(60)}“ für „Suchbegriff“ ist ungültig und wurde nicht berücksichtigt.`]);
  });

  it('collects one notice per invalid filter and keeps the valid ones', () => {
    const { values, notices } = parse('art=x&jahr=y&q=Integration');
    expect(values).toEqual({ q: 'Integration' });
    expect(notices).toHaveLength(2);
  });
});

describe('Page numbers', () => {
  it('keeps a page that exists', () => {
    const notices: string[] = [];
    expect(clampPage(2, 20, 45, notices)).toEqual({ page: 2, pageSize: 20, total: 45, pageCount: 3 });
    expect(notices).toEqual([]);
  });

  it('shows the last page instead of one past the end, and says so', () => {
    const notices: string[] = [];
    expect(clampPage(7, 20, 45, notices)).toEqual({ page: 3, pageSize: 20, total: 45, pageCount: 3 });
    expect(notices).toEqual(['Seite 7 gibt es nicht; angezeigt wird Seite 3.']);
  });

  it('counts an empty list as one page', () => {
    const notices: string[] = [];
    expect(clampPage(1, 20, 0, notices)).toEqual({ page: 1, pageSize: 20, total: 0, pageCount: 1 });
    expect(clampPage(4, 20, 0, notices).page).toBe(1);
    expect(notices).toEqual(['Seite 4 gibt es nicht; angezeigt wird Seite 1.']);
  });

  it('has exactly as many pages as needed', () => {
    expect(clampPage(1, 20, 40, []).pageCount).toBe(2);
    expect(clampPage(1, 20, 41, []).pageCount).toBe(3);
  });
});
