CREATE TABLE `event_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_names_key` ON `event_names` (`key`);--> statement-breakpoint
CREATE TABLE `feature_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feature_id` integer NOT NULL,
	`pattern` text NOT NULL,
	`key` text NOT NULL,
	`auto` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`feature_id`) REFERENCES `features`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feature_events_key` ON `feature_events` (`key`);--> statement-breakpoint
CREATE INDEX `feature_events_feature` ON `feature_events` (`feature_id`);--> statement-breakpoint
ALTER TABLE `features` ADD `merged_into` integer;--> statement-breakpoint
-- Until now a feature was an event name (features.key). Each becomes an event name and a rule of the catalogue
-- that counts it as the same feature, so every stored event keeps counting where it counted.
INSERT OR IGNORE INTO `event_names` (`id`, `name`, `key`) SELECT `id`, `key`, lower(trim(`key`)) FROM `features` ORDER BY `id`;--> statement-breakpoint
INSERT OR IGNORE INTO `feature_events` (`feature_id`, `pattern`, `key`, `auto`) SELECT `id`, `key`, lower(trim(`key`)), 1 FROM `features` ORDER BY `id`;--> statement-breakpoint
ALTER TABLE `usage_events` ADD `event_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `usage_events` ADD `pinned_feature_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `usage_events` SET `event_id` = coalesce((SELECT en.`id` FROM `features` f JOIN `event_names` en ON en.`key` = lower(trim(f.`key`)) WHERE f.`id` = `usage_events`.`feature_id`), 0) WHERE `feature_id` <> 0;--> statement-breakpoint
-- Two event names that differed only in case are one now: the same user's same instant is kept once.
DELETE FROM `usage_events` WHERE `feature_id` <> `event_id` AND EXISTS (SELECT 1 FROM `usage_events` o WHERE o.`user_id` = `usage_events`.`user_id` AND o.`ts` = `usage_events`.`ts` AND o.`event_id` = `usage_events`.`event_id` AND o.`id` < `usage_events`.`id`);--> statement-breakpoint
DROP INDEX `usage_events_identity`;--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_identity` ON `usage_events` (`user_id`,`ts`,`event_id`);--> statement-breakpoint
UPDATE OR IGNORE `features` SET `key` = lower(trim(`name`));
