-- Fine-tuning jobs run at the provider that serves the base model; each is mirrored here (with its events and
-- checkpoints) so reads never depend on the provider being reachable. A job stays claimable by the poller until it
-- has ended and its end has been handled (webhook published, fine-tuned model registered): finalized.

CREATE TABLE fine_tuning_jobs (
    job_id           text PRIMARY KEY,
    owner            text NOT NULL,
    provider_job_id  text NOT NULL,
    deployment_id    text NOT NULL,
    model            text NOT NULL,
    training_file    text NOT NULL,
    validation_file  text,
    status           text NOT NULL,
    fine_tuned_model text,
    organization_id  text,
    hyperparameters  jsonb,
    suffix           text,
    seed             bigint,
    metadata         jsonb,
    error            jsonb,
    trained_tokens   bigint,
    result_files     jsonb,
    estimated_finish timestamptz,
    created_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    finalized        boolean NOT NULL DEFAULT false,
    next_poll_at     timestamptz NOT NULL
);

CREATE INDEX fine_tuning_jobs_owner_created ON fine_tuning_jobs (owner, created_at DESC, job_id DESC);
CREATE INDEX fine_tuning_jobs_due ON fine_tuning_jobs (next_poll_at) WHERE NOT finalized;

-- Events and checkpoints as the provider reported them; position grows with time, so newest first is position DESC.
CREATE TABLE fine_tuning_events (
    job_id     text NOT NULL REFERENCES fine_tuning_jobs (job_id) ON DELETE CASCADE,
    event_id   text NOT NULL,
    position   bigserial,
    created_at timestamptz NOT NULL,
    body       jsonb NOT NULL,
    PRIMARY KEY (job_id, event_id)
);

CREATE INDEX fine_tuning_events_order ON fine_tuning_events (job_id, position DESC);

CREATE TABLE fine_tuning_checkpoints (
    job_id        text NOT NULL REFERENCES fine_tuning_jobs (job_id) ON DELETE CASCADE,
    checkpoint_id text NOT NULL,
    position      bigserial,
    created_at    timestamptz NOT NULL,
    body          jsonb NOT NULL,
    PRIMARY KEY (job_id, checkpoint_id)
);

CREATE INDEX fine_tuning_checkpoints_order ON fine_tuning_checkpoints (job_id, position DESC);
