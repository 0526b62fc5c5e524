// Reads and validates the seed corpus from content/ into typed records.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { seedMessages } from '@/lib/validation/messages';
import { bodyFileSchema, meetingFileSchema, paperFileSchema, type BodyFile, type MeetingFile, type PaperFile } from '@/lib/server/seed/schema';

/** Everything one body folder of content/ holds. */
export interface BodyContent {
  folder: string;
  file: BodyFile;
  papers: PaperFile[];
  meetings: MeetingFile[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new Error(seedMessages.invalidFile(file, result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
}

/** A Markdown file's YAML front matter and the text below it; throws naming the file when it has none. */
export function readFrontMatter(file: string): { data: unknown; text: string } {
  const source = fs.readFileSync(file, 'utf8');
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new Error(seedMessages.noFrontMatter(file));
  return { data: parseYaml(match[1] ?? ''), text: (match[2] ?? '').trim() };
}

function markdownFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(folder, f));
}

/** Reads every body folder under `root`, validating each file; throws with the file and field at fault. */
export function readContent(root: string): BodyContent[] {
  if (!fs.existsSync(root)) throw new Error(seedMessages.folderMissing(root));
  const folders = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(root, d.name)).sort();
  return folders.map((folder) => {
    const bodyPath = path.join(folder, 'body.yaml');
    if (!fs.existsSync(bodyPath)) throw new Error(seedMessages.bodyFileMissing(folder));
    const file = validate(bodyFileSchema, parseYaml(fs.readFileSync(bodyPath, 'utf8')), bodyPath);
    const papers = markdownFiles(path.join(folder, 'papers')).map((p) => {
      const { data, text } = readFrontMatter(p);
      return { ...validate(paperFileSchema, data, p), text, path: p };
    });
    const meetings = markdownFiles(path.join(folder, 'meetings')).map((p) => ({ ...validate(meetingFileSchema, readFrontMatter(p).data, p), path: p }));
    return { folder, file, papers, meetings };
  });
}
