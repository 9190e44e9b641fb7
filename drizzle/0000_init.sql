CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`owner` text,
	`industry` text,
	`arr_minor` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`licenses` integer,
	`contract_start` text,
	`renewal_date` text,
	`crm_stage` text,
	`stage_override` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_external_id` ON `accounts` (`external_id`);--> statement-breakpoint
CREATE INDEX `accounts_name` ON `accounts` (`name`);--> statement-breakpoint
CREATE TABLE `entitlements` (
	`account_id` integer NOT NULL,
	`feature_id` integer NOT NULL,
	`paid` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`account_id`, `feature_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`feature_id`) REFERENCES `features`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `features` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`is_key` integer DEFAULT false NOT NULL,
	`is_paid` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `features_key` ON `features` (`key`);--> statement-breakpoint
CREATE TABLE `health_snapshots` (
	`account_id` integer NOT NULL,
	`day` text NOT NULL,
	`score` real,
	`status` text,
	`components` text,
	PRIMARY KEY(`account_id`, `day`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`before` text,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_import` ON `import_changes` (`import_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`header_signature` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_rejects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`code` text NOT NULL,
	`reason` text NOT NULL,
	`raw` text,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rejects_import` ON `import_rejects` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_path` text,
	`file_hash` text,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`mapping` text,
	`time_zone` text,
	`status` text NOT NULL,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`rows_duplicate` integer DEFAULT 0 NOT NULL,
	`rows_skipped` integer DEFAULT 0 NOT NULL,
	`summary` text,
	`origin` text DEFAULT 'manual' NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`undone_at` integer
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`target_date` text,
	`achieved_date` text,
	`notes` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_account` ON `milestones` (`account_id`);--> statement-breakpoint
CREATE TABLE `qbr_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`qbr_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`text` text NOT NULL,
	`owner` text,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`carried_from_id` integer,
	FOREIGN KEY (`qbr_id`) REFERENCES `qbrs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qbr_action_items_qbr` ON `qbr_action_items` (`qbr_id`);--> statement-breakpoint
CREATE TABLE `qbrs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`attendees` text NOT NULL,
	`goals_reviewed` text,
	`outcomes` text,
	`customer_response` text DEFAULT 'none' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qbrs_account` ON `qbrs` (`account_id`,`date`);--> statement-breakpoint
CREATE TABLE `renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`renewal_date` text NOT NULL,
	`outcome` text NOT NULL,
	`arr_minor` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `renewals_account` ON `renewals` (`account_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`user_id` integer,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`score` real NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `surveys_account` ON `surveys` (`account_id`,`date`);--> statement-breakpoint
CREATE TABLE `touchpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`notes` text,
	`case_status` text,
	`closed_date` text,
	`resolved` integer,
	`within_sla` integer,
	`feature_id` integer,
	`responded` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `touchpoints_account` ON `touchpoints` (`account_id`,`date`);--> statement-breakpoint
CREATE TABLE `usage_daily` (
	`account_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`feature_id` integer DEFAULT 0 NOT NULL,
	`day` integer NOT NULL,
	`events` integer NOT NULL,
	`minutes` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`account_id`, `day`, `user_id`, `feature_id`)
);
--> statement-breakpoint
CREATE INDEX `usage_daily_user` ON `usage_daily` (`user_id`,`day`);--> statement-breakpoint
CREATE TABLE `usage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`feature_id` integer DEFAULT 0 NOT NULL,
	`ts` integer NOT NULL,
	`day` integer NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`minutes` real DEFAULT 0 NOT NULL,
	`import_id` integer,
	`line` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_identity` ON `usage_events` (`user_id`,`ts`,`feature_id`);--> statement-breakpoint
CREATE INDEX `usage_events_import` ON `usage_events` (`import_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`email` text,
	`name` text,
	`role` text DEFAULT 'end_user' NOT NULL,
	`department` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_external_id` ON `users` (`external_id`);--> statement-breakpoint
CREATE INDEX `users_account` ON `users` (`account_id`);--> statement-breakpoint
CREATE TABLE `watched_folders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watched_folders_path_unique` ON `watched_folders` (`path`);