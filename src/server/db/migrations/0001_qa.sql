CREATE TABLE "qa_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"registration_id" uuid,
	"created_by" uuid,
	"text" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"answer" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"pre_moderation" boolean DEFAULT false NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"screen_key" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_votes" (
	"question_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_questions" ADD CONSTRAINT "qa_questions_merged_into_id_qa_questions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."qa_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_settings" ADD CONSTRAINT "qa_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_votes" ADD CONSTRAINT "qa_votes_question_id_qa_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."qa_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_votes" ADD CONSTRAINT "qa_votes_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_questions_event_idx" ON "qa_questions" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "qa_questions_registration_idx" ON "qa_questions" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "qa_questions_merged_into_idx" ON "qa_questions" USING btree ("merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_questions_event_source_ref_key" ON "qa_questions" USING btree ("event_id","source_ref") WHERE source_ref is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "qa_questions_event_pinned_key" ON "qa_questions" USING btree ("event_id") WHERE pinned;--> statement-breakpoint
CREATE UNIQUE INDEX "qa_votes_question_registration_key" ON "qa_votes" USING btree ("question_id","registration_id");--> statement-breakpoint
CREATE INDEX "qa_votes_registration_idx" ON "qa_votes" USING btree ("registration_id");