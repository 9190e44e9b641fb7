CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	`sort` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_name` ON `saved_views` (`name`);--> statement-breakpoint
CREATE TABLE `trash` (
	`token` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`account_id` integer,
	`label` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trash_expires` ON `trash` (`expires_at`);--> statement-breakpoint
CREATE INDEX `health_snapshots_trend` ON `health_snapshots` (`account_id`,`day`,`score`);