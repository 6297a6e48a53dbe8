ALTER TABLE "bookmark" ADD COLUMN "progress" text DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookmark" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "bookmark" ADD COLUMN "targetDate" date;--> statement-breakpoint
ALTER TABLE "bookmark" ADD COLUMN "removedAt" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_progress" CHECK ("bookmark"."progress" in ('planned', 'in-progress', 'done'));--> statement-breakpoint
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_note_length" CHECK (char_length("bookmark"."note") <= 1000);