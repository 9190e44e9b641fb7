-- Hand-written: usage_daily's work-queue triggers go; its writers mark task_dirty themselves, as health_snapshots'
-- writer has since 0020. A trigger runs a sub-program per row: for the million rollup rows of a large import the
-- INSERT trigger alone cost 1.3 s of 2.0 s of rollup writing (measured: the same 1M upserts in key order, 1.95 s
-- with the trigger, 0.67 s without), though its WHEN found the account already marked for all but the first row.
-- The writers (import/usage-chunks.ts, import/undo-import.ts, db/feature-catalogue.ts, db/account-removal.ts,
-- db/demo.ts) mark the accounts they write in the same transaction (db/tasks.ts markTasksDirty).
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `task_dirty_usage_daily_delete`;
