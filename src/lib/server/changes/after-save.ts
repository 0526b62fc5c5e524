// After a save committed: the change is logged for every instance, applied in this one at once, and reported
// to the search index. The one way to announce a save (docs/decisions/0008-page-cache.md).
import { applyChange } from './apply';
import { recordChange } from './log';
import { contentChanged, type ContentChange } from './report';
import { noteOwnChange } from './sync';
import { kindOf, recordTag, tagsOfChange } from './tags';

/**
 * Call after a save's transaction committed, with tags of pages the save touched beyond its record and what the
 * record points to. Never throws: a failed log write must not turn a save into an error (it is logged).
 */
export async function afterSave(change: ContentChange, extraTags: string[] = []): Promise<void> {
  let tags: string[];
  try {
    tags = await tagsOfChange(change, extraTags);
  } catch (error) {
    console.warn('Die Cache-Schlagwörter einer Änderung konnten nicht ermittelt werden; alle Seiten werden neu erzeugt:', error);
    tags = ['*', recordTag(kindOf(change.table), change.id)];
  }
  applyChange(tags);
  try {
    noteOwnChange(await recordChange(tags));
  } catch (error) {
    console.warn('Die Änderung konnte nicht ins Änderungsprotokoll geschrieben werden; andere Instanzen sehen sie erst nach Ablauf ihres Caches:', error);
  }
  contentChanged(change);
}
