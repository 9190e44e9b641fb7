-- Hand-written (drizzle-kit's ALTERs replaced): health_snapshots keeps each component score in its own column
-- instead of one JSON text per row, and becomes WITHOUT ROWID, clustered on (account_id, day), without the
-- covering index health_snapshots_trend.
-- Why: a year of history for 2,000 accounts is 565k rows. Re-scoring them after a weights change had to parse each
-- row's JSON and rewrite the row and its index entry (2.9 s); over plain columns it is arithmetic in one pass of one
-- B-tree. A backfill writes narrower rows into one tree instead of two. The sparklines read the narrow rows by key
-- range as cheaply as they read the covering index.
-- The work-queue triggers on this table go (DROP TABLE took them): even with a WHEN clause that is false, a per-row
-- trigger doubled the cost of the re-score's UPDATE. db/health-snapshots.ts, the only code that writes the table,
-- marks the accounts it writes (task_dirty) itself; an account's removal is marked by the accounts triggers.
CREATE TABLE `health_snapshots_columns` (
	`account_id` integer NOT NULL,
	`day` text NOT NULL,
	`score` real,
	`status` text,
	`usage` real,
	`breadth` real,
	`frequency` real,
	`exposure` real,
	`relationship` real,
	`satisfaction` real,
	`license_utilization` real,
	`rules` text,
	PRIMARY KEY(`account_id`, `day`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `health_snapshots_columns` (`account_id`, `day`, `score`, `status`, `usage`, `breadth`, `frequency`, `exposure`, `relationship`, `satisfaction`, `license_utilization`, `rules`)
  SELECT `account_id`, `day`, `score`, `status`,
    json_extract(`components`, '$.usage'), json_extract(`components`, '$.breadth'), json_extract(`components`, '$.frequency'),
    json_extract(`components`, '$.exposure'), json_extract(`components`, '$.relationship'), json_extract(`components`, '$.satisfaction'),
    json_extract(`components`, '$."metric.licenseUtilization"'),
    (SELECT json_group_object(j.key, j.value) FROM json_each(`components`) AS j WHERE j.key LIKE 'rule.%' HAVING count(*) > 0)
  FROM `health_snapshots` ORDER BY `account_id`, `day`;
--> statement-breakpoint
DROP TABLE `health_snapshots`;
--> statement-breakpoint
ALTER TABLE `health_snapshots_columns` RENAME TO `health_snapshots`;
