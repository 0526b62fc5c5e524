// drizzle-kit configuration: generates SQL migrations from db/schema into db/migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:data/ratsfaden.db' },
});
