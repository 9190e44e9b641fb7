ALTER TABLE `renewals` ADD `term_rolled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `renewals` ADD `before_contract_start` text;--> statement-breakpoint
ALTER TABLE `renewals` ADD `before_renewal_date` text;--> statement-breakpoint
ALTER TABLE `renewals` ADD `before_arr_minor` integer;