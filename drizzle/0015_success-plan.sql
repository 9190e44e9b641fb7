CREATE TABLE `qbr_outcome_progress` (
	`qbr_id` integer NOT NULL,
	`outcome_id` integer NOT NULL,
	`value` real,
	`note` text,
	PRIMARY KEY(`qbr_id`, `outcome_id`),
	FOREIGN KEY (`qbr_id`) REFERENCES `qbrs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outcome_id`) REFERENCES `success_outcomes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qbr_outcome_progress_outcome` ON `qbr_outcome_progress` (`outcome_id`);--> statement-breakpoint
CREATE TABLE `success_outcome_milestones` (
	`outcome_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	PRIMARY KEY(`outcome_id`, `milestone_id`),
	FOREIGN KEY (`outcome_id`) REFERENCES `success_outcomes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `success_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`title` text NOT NULL,
	`kpi_name` text NOT NULL,
	`kpi_unit` text NOT NULL,
	`baseline` real,
	`target` real NOT NULL,
	`target_date` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `success_outcomes_account` ON `success_outcomes` (`account_id`);--> statement-breakpoint
CREATE TABLE `success_plans` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`why_bought` text,
	`buyer` text,
	`users` text,
	`complexity` text,
	`complexity_note` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
