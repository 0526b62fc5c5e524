// Markdown preview, rendered by the same function as the public pages.
import { previewSchema } from '@/lib/validation/forms';
import { renderMarkdown } from '@/lib/markdown';
import { formAction } from './support';

/** Markdown preview, rendered by the same function as the public pages; it changes nothing. */
export const preview = formAction('clerk', previewSchema, async (input) => ({
  ok: true,
  notice: null,
  preview: { field: input.previewField, for: input.previewFor ?? null, html: renderMarkdown(input[input.previewField]) },
}));
