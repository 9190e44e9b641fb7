ALTER TABLE `milestones` ADD `achieved_source` text;--> statement-breakpoint
UPDATE `milestones` SET `achieved_source` = 'csm' WHERE `achieved_date` IS NOT NULL;
