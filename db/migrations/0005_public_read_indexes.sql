CREATE INDEX `meeting_public_instant_idx` ON `meeting` (datetime(start),`body_id`) WHERE published_at IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `paper_body_changed_idx` ON `paper` (`body_id`,(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END));--> statement-breakpoint
CREATE INDEX `follow_up_newest_idx` ON `follow_up` (`date`,`updated_at`);