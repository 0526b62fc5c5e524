// Drucksachen-Nummern in search: which queries are numbers, the words a paper's number is found by, and the order of hits.
import { describe, expect, it } from 'vitest';
import { referenceKeys, referenceQuery, referenceRank } from '@/lib/search-ranking';

describe('Drucksachen-Nr. queries', () => {
  it('recognises numbers of several bodies, with or without a leading word', () => {
    expect(referenceQuery('3.2/0076/2014')).toEqual({ key: '3200762014', word: '3200762014', years: ['2014'] });
    expect(referenceQuery(' 0076/2014 ')).toEqual({ key: '00762014', word: '00762014', years: ['2014'] });
    expect(referenceQuery('DS 12/2020')).toEqual({ key: 'ds122020', word: '122020', years: ['2020'] });
    expect(referenceQuery('Drs. 20/1234')).toEqual({ key: 'drs201234', word: '201234', years: [] });
    expect(referenceQuery('VO/2020/0123')).toEqual({ key: 'vo20200123', word: '20200123', years: ['2020'] });
    expect(referenceQuery('2021-0456')?.word).toBe('20210456');
  });

  it('leaves words, dates, plain numbers and sentences to the ordinary search', () => {
    for (const q of ['Willkommenskultur', 'E-Mails', '05.03.2014', '2014', '3.2', 'Radweg 12/2020 Nordhorn', 'und/oder', '']) expect(referenceQuery(q), q).toBeNull();
  });

  it('finds a paper by its whole number and by every ending of it', () => {
    expect(referenceKeys('3.2/0076/2014')).toBe('3200762014 200762014 00762014');
    expect(referenceKeys('DS 12/2020')).toBe('ds122020 122020');
    expect(referenceKeys('12/2020')).toBe('122020');
  });

  it('ranks the paper with exactly that number first, then its demands, then numbers that end with the query', () => {
    const query = referenceQuery('3.2/0076/2014')!;
    const paper = { reference: '3.2/0076/2014', referenceKeys: referenceKeys('3.2/0076/2014') };
    expect(referenceRank(query, paper)).toBe(0);
    expect(referenceRank(query, { reference: '3.2/0076/2014' })).toBe(1);
    expect(referenceRank(query, { reference: 'Ö 13 Vorstellung der neuen Leitung' })).toBeNull();
    expect(referenceRank(query, {})).toBeNull();
    expect(referenceRank(referenceQuery('0076/2014')!, paper)).toBe(2);
    expect(referenceRank(referenceQuery('DS 12/2020')!, { reference: '12/2020', referenceKeys: '122020' })).toBe(2);
    expect(referenceRank(referenceQuery('12/2020')!, { reference: 'DS 12/2020', referenceKeys: referenceKeys('DS 12/2020') })).toBe(2);
    expect(referenceRank(referenceQuery('DS 12/2020')!, { reference: 'DS 12/2020', referenceKeys: referenceKeys('DS 12/2020') })).toBe(0);
  });
});
