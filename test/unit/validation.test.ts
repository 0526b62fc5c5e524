// The shared validation blocks: what a clerk types (or a crafted post sends) becomes a typed value or one German message.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dayProblem, instantProblem, isCalendarDay, localDateTimeProblem } from '@/lib/validation/dates';
import {
  calendarDay, checkbox, fieldErrors, formVersion, id, ids, listParam, localDateTime, markdownText, optionalCalendarDay,
  optionalId, optionalLocalDateTime, optionalText, requiredMarkdown, requiredText, wholeNumber,
} from '@/lib/validation/fields';
import { dateMessages, germanDay } from '@/lib/validation/messages';
import { paperSchema } from '@/lib/validation/forms';

/** The single German message a block gives for `value`, or the parsed value. */
function outcome<T>(schema: z.ZodType<T>, value: unknown): { value: T } | { message: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { value: parsed.data } : { message: parsed.error.issues[0]!.message };
}

describe('calendar days', () => {
  it.each(['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31', '1800-01-01', '2200-12-31'])('accepts %s', (day) => {
    expect(isCalendarDay(day)).toBe(true);
    expect(outcome(calendarDay('das Datum'), day)).toEqual({ value: day });
  });

  it.each([
    ['2026-02-31', '31.02.2026'], ['2026-13-01', '01.13.2026'], ['2025-02-29', '29.02.2025'], ['1900-02-29', '29.02.1900'],
    ['2026-04-31', '31.04.2026'], ['2026-00-10', '10.00.2026'], ['2026-01-00', '00.01.2026'], ['2026-01-32', '32.01.2026'],
  ])('refuses %s: JavaScript would roll it over, the round trip does not', (day, german) => {
    expect(isCalendarDay(day)).toBe(false);
    expect(outcome(calendarDay('das Datum'), day)).toEqual({ message: `Das Datum ${german} gibt es nicht. Bitte prüfen Sie Tag und Monat.` });
  });

  it.each(['31.02.2026', '2026-2-3', '20266-01-01', '2026-01-01T10:00', 'morgen', ' '])('asks for a date when „%s“ is not one', (value) => {
    const expected = value.trim() ? 'Bitte geben Sie das Datum der Vorlage als Datum an (TT.MM.JJJJ).' : 'Bitte geben Sie das Datum der Vorlage an.';
    expect(outcome(calendarDay('das Datum der Vorlage'), value)).toEqual({ message: expected });
  });

  it('refuses years outside 1800–2200 (typing slips such as 0226)', () => {
    expect(outcome(calendarDay('das Datum'), '0226-03-01')).toEqual({ message: dateMessages.yearRange(1800, 2200) });
    expect(dayProblem('2201-01-01', 'x')).toBe('Bitte geben Sie ein Datum zwischen den Jahren 1800 und 2200 an.');
  });

  it('treats an empty optional day as absent, and still checks a given one', () => {
    const schema = optionalCalendarDay('die Frist');
    expect(outcome(schema, '')).toEqual({ value: null });
    expect(outcome(schema, undefined)).toEqual({ value: null });
    expect(outcome(schema, ' 2026-05-01 ')).toEqual({ value: '2026-05-01' });
    expect(outcome(schema, '2026-13-01')).toEqual({ message: 'Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.' });
    expect(outcome(schema, 'bald')).toEqual({ message: 'Bitte geben Sie die Frist als Datum an (TT.MM.JJJJ).' });
  });

  it('writes days the German way in messages, also days that do not exist', () => {
    expect(germanDay('2026-02-31')).toBe('31.02.2026');
  });
});

describe('date-times', () => {
  it('accepts a wall-clock time as <input type="datetime-local"> sends it, dropping seconds', () => {
    expect(outcome(localDateTime('den Beginn'), '2026-11-20T17:00')).toEqual({ value: '2026-11-20T17:00' });
    expect(outcome(localDateTime('den Beginn'), '2026-11-20T17:00:00')).toEqual({ value: '2026-11-20T17:00' });
    expect(outcome(optionalLocalDateTime('das Ende'), '')).toEqual({ value: null });
  });

  it.each([
    ['2026-02-31T17:00', 'Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
    ['2026-03-01T24:00', 'Die Uhrzeit 24:00 gibt es nicht. Bitte geben Sie eine Uhrzeit von 00:00 bis 23:59 an.'],
    ['2026-03-01T10:60', 'Die Uhrzeit 10:60 gibt es nicht. Bitte geben Sie eine Uhrzeit von 00:00 bis 23:59 an.'],
    ['2026-03-01', 'Bitte geben Sie den Beginn mit Datum und Uhrzeit an.'],
  ])('refuses %s', (value, message) => {
    expect(localDateTimeProblem(value, 'den Beginn')).toBe(message);
    expect(outcome(localDateTime('den Beginn'), value)).toEqual({ message });
  });

  it('checks instants of the seed files: offset, calendar day and time', () => {
    expect(instantProblem('2022-02-02T17:00:00+01:00')).toBeNull();
    expect(instantProblem('2022-02-02T17:00:00Z')).toBeNull();
    expect(instantProblem('2022-02-30T17:00:00+01:00')).toBe('Das Datum 30.02.2022 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(instantProblem('2022-02-02T17:00:00')).toBe(dateMessages.instantFormat);
    expect(instantProblem('2022-02-02T25:00:00+01:00')).toMatch(/Uhrzeit 25:00/);
  });
});

describe('ids', () => {
  it('reads a posted id and refuses anything that is not one, with the label', () => {
    expect(outcome(id('eine Körperschaft'), '12')).toEqual({ value: 12 });
    for (const bad of ['', '0', '-1', 'abc', '1e3', '0x10', '1.5', '99999999999', undefined]) expect(outcome(id('eine Körperschaft'), bad), String(bad)).toEqual({ message: 'Bitte wählen Sie eine Körperschaft.' });
  });

  it('treats an empty optional id as none and refuses garbage', () => {
    expect(outcome(optionalId('die Federführung'), '')).toEqual({ value: null });
    expect(outcome(optionalId('die Federführung'), '7')).toEqual({ value: 7 });
    expect(outcome(optionalId('die Federführung'), 'abc')).toEqual({ message: 'Bitte wählen Sie die Federführung aus der Liste.' });
  });

  it('reads a multi-select as a list without blanks and duplicates, bounded', () => {
    expect(outcome(ids('die Gremien'), undefined)).toEqual({ value: [] });
    expect(outcome(ids('die Gremien'), '3')).toEqual({ value: [3] });
    expect(outcome(ids('die Gremien'), ['3', '', '4', '3'])).toEqual({ value: [3, 4] });
    expect(outcome(ids('die Gremien'), ['3', 'x'])).toEqual({ message: 'Bitte wählen Sie die Gremien aus der Liste.' });
    expect(outcome(ids('die Gremien', 2), ['1', '2', '3'])).toEqual({ message: 'Bitte wählen Sie höchstens 2 Einträge.' });
  });

  it('reads the version a form was loaded with', () => {
    expect(outcome(formVersion(true), undefined)).toEqual({ value: 0 });
    expect(outcome(formVersion(), '3')).toEqual({ value: 3 });
    expect(outcome(formVersion(), '0')).toEqual({ message: expect.stringContaining('Bitte laden Sie die Seite neu') });
  });
});

describe('texts', () => {
  it('bounds one-line texts and trims them', () => {
    expect(outcome(requiredText('einen Titel', 5), '  Titel ')).toEqual({ value: 'Titel' });
    expect(outcome(requiredText('einen Titel', 5), '   ')).toEqual({ message: 'Bitte geben Sie einen Titel an.' });
    expect(outcome(requiredText('einen Titel', 5), 'zu lang')).toEqual({ message: 'Höchstens 5 Zeichen.' });
    expect(outcome(optionalText(3), '')).toEqual({ value: null });
    expect(outcome(optionalText(200_000), 'x'.repeat(200_001))).toEqual({ message: 'Höchstens 200.000 Zeichen.' });
  });

  it('bounds Markdown, normalises line endings and tells a required one is missing', () => {
    expect(outcome(markdownText(10), 'a\r\nb')).toEqual({ value: 'a\nb' });
    expect(outcome(markdownText(10), '  ')).toEqual({ value: null });
    expect(outcome(markdownText(10), 'x'.repeat(11))).toEqual({ message: 'Der Text ist zu lang (höchstens 10 Zeichen).' });
    expect(outcome(requiredMarkdown('den Text der Forderung', 10), '')).toEqual({ message: 'Bitte geben Sie den Text der Forderung an.' });
  });

  it('reads checkboxes and whole numbers', () => {
    expect(outcome(checkbox, 'on')).toEqual({ value: true });
    expect(outcome(checkbox, undefined)).toEqual({ value: false });
    expect(outcome(wholeNumber(0, 3650), '42')).toEqual({ value: 42 });
    expect(outcome(wholeNumber(0, 3650), '4.2')).toEqual({ message: 'Bitte geben Sie eine ganze Zahl an.' });
    expect(outcome(wholeNumber(0, 3650), '9999')).toEqual({ message: 'Bitte geben Sie eine ganze Zahl von 0 bis 3.650 an.' });
  });
});

describe('list parameters', () => {
  it('parse slugs, years, fixed values and yes/no without messages (the list ignores them with a notice)', () => {
    expect(listParam.slug.safeParse('landkreis-grafschaft-bentheim').success).toBe(true);
    expect(listParam.slug.safeParse('Landkreis').success).toBe(false);
    expect(listParam.wholeNumber(1900, 2100).safeParse('2014').data).toBe(2014);
    expect(listParam.wholeNumber(1900, 2100).safeParse('20144').success).toBe(false);
    expect(listParam.oneOf(['antrag', 'anfrage']).safeParse('antrag').success).toBe(true);
    expect(listParam.yes.safeParse('ja').data).toBe(true);
    expect(listParam.yes.safeParse('nein').success).toBe(false);
  });
});

describe('form messages', () => {
  it('gives every refused field of the paper form a German message, never zod\'s English default', () => {
    const parsed = paperSchema.safeParse({ bodyId: 'x', name: '', paperType: 'resolution', date: '2026-02-31', underDirectionOfId: 'y', originatorPersonIds: ['z'], textKind: 'fiction', version: 'v', textMd: 7 });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!);
    expect(errors).toEqual({
      bodyId: 'Bitte wählen Sie eine Körperschaft.',
      name: 'Bitte geben Sie einen Titel an.',
      paperType: 'Bitte wählen Sie eine Art der Vorlage.',
      date: 'Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.',
      underDirectionOfId: 'Bitte wählen Sie die Federführung aus der Liste.',
      originatorPersonIds: 'Bitte wählen Sie die einreichenden Personen aus der Liste.',
      textKind: 'Bitte wählen Sie die Herkunft des Textes.',
      version: expect.stringContaining('Bitte laden Sie die Seite neu'),
      textMd: 'Bitte wählen Sie einen gültigen Wert.',
    });
  });
});
