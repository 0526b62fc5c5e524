// The tracker's CSV writer against csv-stringify, whose output it replaced: the same bytes for every kind of field,
// except that a field with a line break is quoted (RFC 4180), which csv-stringify leaves bare with a CRLF record
// delimiter, so that spreadsheet software split the record there.
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { csvText } from '@/lib/server/tracking/filter';

const options = { delimiter: ';', record_delimiter: '\r\n' } as const;

describe('csvText', () => {
  it('writes what csv-stringify writes with semicolons and CRLF', () => {
    const fields = ['', 'plain', 'Straße „Süd“', 'a;b', 'say "yes"', '"', '\r\n', 'a\r\nb', ';', ' spaced ', '=SUMME(A1)', '-1', "it's", '\ufeffbom', 'tab\there'];
    const records = [fields, [...fields].reverse(), ['only'], ['', ''], fields.map((f) => `${f}${f}`)];
    expect(csvText(records)).toBe(stringify(records, options));
    expect(csvText([])).toBe(stringify([], options));
  });

  it('quotes a field with a line break, so that it reads back as one field', () => {
    const records = [['line\nbreak', 'cr\rhere', 'ends with\r'], ['next', 'record', 'here']];
    expect(csvText(records)).toBe('"line\nbreak";"cr\rhere";"ends with\r"\r\nnext;record;here\r\n');
    expect(parse(csvText(records), { delimiter: ';', record_delimiter: '\r\n' })).toEqual(records);
  });
});
