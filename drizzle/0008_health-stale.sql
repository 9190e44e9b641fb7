CREATE TABLE `health_stale` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`from_day` integer,
	`generation` integer NOT NULL
);
--> statement-breakpoint
-- Stores from before the stamp may hold history left stale by an import killed before scoring: recompute it once.
INSERT INTO `health_stale` (`account_id`, `from_day`, `generation`) SELECT `id`, NULL, 1 FROM `accounts`;
