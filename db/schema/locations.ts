// Places (OParl Location): where meetings are held, and addresses of bodies, organizations and papers.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { baseColumns, publishedColumns } from './columns';
import { body } from './bodies';

/** A place: a description ("Kreishaus, Sitzungssaal") and, where known, its address and a GeoJSON geometry. */
export const location = sqliteTable(
  'location',
  {
    ...baseColumns(),
    ...publishedColumns(),
    bodyId: integer('body_id').references(() => body.id),
    description: text('description'),
    streetAddress: text('street_address'),
    room: text('room'),
    postalCode: text('postal_code'),
    subLocality: text('sub_locality'),
    locality: text('locality'),
    /** GeoJSON (RFC 7946) as text, as OParl's `geojson` carries it. */
    geojson: text('geojson'),
  },
  (t) => [index('location_body_idx').on(t.bodyId)],
);
