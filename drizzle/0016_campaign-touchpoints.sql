CREATE TABLE `campaign_touchpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`user_id` integer,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`email` text NOT NULL,
	`date` text NOT NULL,
	`opened` integer NOT NULL,
	`clicked` integer NOT NULL,
	`replied` integer NOT NULL,
	`responded` integer NOT NULL,
	`feature_id` integer,
	`matched_by` text NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_touchpoints_contact` ON `campaign_touchpoints` (`source`,`campaign`,`email`);--> statement-breakpoint
CREATE INDEX `campaign_touchpoints_account` ON `campaign_touchpoints` (`account_id`,`date`);