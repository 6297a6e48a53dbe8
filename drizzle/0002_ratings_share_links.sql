CREATE TABLE "rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userId" text NOT NULL,
	"competency" text NOT NULL,
	"level" smallint NOT NULL,
	"ratedAt" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_level" CHECK ("rating"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "share_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userId" text NOT NULL,
	"createdAt" timestamp with time zone DEFAULT now() NOT NULL,
	"expiresAt" timestamp with time zone NOT NULL,
	"revokedAt" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "aim" text DEFAULT 'current' NOT NULL;--> statement-breakpoint
ALTER TABLE "rating" ADD CONSTRAINT "rating_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rating_user_competency" ON "rating" USING btree ("userId","competency","ratedAt");--> statement-breakpoint
CREATE INDEX "share_link_user" ON "share_link" USING btree ("userId");--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_aim" CHECK ("profile"."aim" in ('current', 'next'));