CREATE INDEX `consultation_organization_idx` ON `consultation` (`organization_id`);--> statement-breakpoint
CREATE INDEX `paper_under_direction_idx` ON `paper` (`under_direction_of_id`);--> statement-breakpoint
CREATE INDEX `paper_public_body_date_idx` ON `paper` (`body_id`,`date`) WHERE published_at IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `paper_changed_idx` ON `paper` ((CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END));--> statement-breakpoint
CREATE INDEX `paper_originator_organization_idx` ON `paper_originator` (`organization_id`);--> statement-breakpoint
CREATE INDEX `paper_originator_person_idx` ON `paper_originator` (`person_id`);