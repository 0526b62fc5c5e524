-- Title and reference search of the paper list (/vorlagen?q=…) through an index: an FTS5 table with the trigram
-- tokenizer finds any substring of three or more characters, case-insensitively (as LIKE '%…%' did, by scanning).
-- External content: the rows live in `paper`; triggers keep the index in step with every insert, update and delete.
CREATE VIRTUAL TABLE `paper_title_fts` USING fts5(`name`, `reference`, content='paper', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `paper_title_fts_insert` AFTER INSERT ON `paper` BEGIN
  INSERT INTO `paper_title_fts` (rowid, `name`, `reference`) VALUES (new.`id`, new.`name`, new.`reference`);
END;
--> statement-breakpoint
CREATE TRIGGER `paper_title_fts_delete` AFTER DELETE ON `paper` BEGIN
  INSERT INTO `paper_title_fts` (`paper_title_fts`, rowid, `name`, `reference`) VALUES ('delete', old.`id`, old.`name`, old.`reference`);
END;
--> statement-breakpoint
CREATE TRIGGER `paper_title_fts_update` AFTER UPDATE OF `name`, `reference` ON `paper` BEGIN
  INSERT INTO `paper_title_fts` (`paper_title_fts`, rowid, `name`, `reference`) VALUES ('delete', old.`id`, old.`name`, old.`reference`);
  INSERT INTO `paper_title_fts` (rowid, `name`, `reference`) VALUES (new.`id`, new.`name`, new.`reference`);
END;
--> statement-breakpoint
INSERT INTO `paper_title_fts` (`paper_title_fts`) VALUES ('rebuild');
