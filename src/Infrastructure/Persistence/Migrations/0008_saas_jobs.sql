-- The SaaS dialect's jobs (seed 002): a job groups the LLM calls of one business operation; its calls roll up into
-- the job's cost, and a completed job with no failed call is charged to its team's credits, exactly once.

CREATE TABLE team_credits (
    team_id           text PRIMARY KEY REFERENCES teams (team_id) ON DELETE CASCADE,
    credits_allocated bigint NOT NULL DEFAULT 0,
    credits_used      bigint NOT NULL DEFAULT 0,
    budget_mode       text NOT NULL DEFAULT 'job_based',   -- job_based, consumption_usd, consumption_tokens
    credits_per_dollar numeric(20, 6) NOT NULL DEFAULT 10,
    tokens_per_credit bigint NOT NULL DEFAULT 10000,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (credits_allocated >= 0 AND credits_used >= 0)
);

CREATE TABLE credit_transactions (
    transaction_id   uuid PRIMARY KEY,
    team_id          text NOT NULL REFERENCES teams (team_id) ON DELETE CASCADE,
    organization_id  text,
    job_id           uuid,
    transaction_type text NOT NULL,                        -- allocation, deduction, adjustment
    credits_amount   bigint NOT NULL,
    credits_before   bigint NOT NULL,
    credits_after    bigint NOT NULL,
    reason           text,
    created_at       timestamptz NOT NULL
);

CREATE INDEX credit_transactions_team ON credit_transactions (team_id, created_at DESC);
-- A job is charged at most once, whatever races the completions run.
CREATE UNIQUE INDEX credit_transactions_job_deduction ON credit_transactions (job_id) WHERE transaction_type = 'deduction';

CREATE TABLE saas_jobs (
    job_id            uuid PRIMARY KEY,
    team_id           text NOT NULL REFERENCES teams (team_id) ON DELETE CASCADE,
    organization_id   text,
    user_id           text,
    job_type          text NOT NULL,
    status            text NOT NULL,                       -- pending, in_progress, completed, failed
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    error_message     text,
    model_groups_used text[] NOT NULL DEFAULT '{}',
    credit_applied    boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    completed_at      timestamptz,
    updated_at        timestamptz NOT NULL
);

CREATE INDEX saas_jobs_team ON saas_jobs (team_id, created_at DESC);

CREATE TABLE saas_job_calls (
    call_id           uuid PRIMARY KEY,
    job_id            uuid NOT NULL REFERENCES saas_jobs (job_id) ON DELETE CASCADE,
    request_id        text NOT NULL,
    purpose           text,
    model_group       text,                                -- the name the call asked for
    deployment_id     text,                                -- the deployment that answered
    prompt_tokens     bigint NOT NULL DEFAULT 0,
    completion_tokens bigint NOT NULL DEFAULT 0,
    cost_usd          numeric(20, 10) NOT NULL DEFAULT 0,
    latency_ms        integer NOT NULL DEFAULT 0,
    error             text,
    created_at        timestamptz NOT NULL
);

CREATE INDEX saas_job_calls_job ON saas_job_calls (job_id, created_at);

-- Idempotency-Key: a POST replayed with the same key (per caller) within 24 h gets the first answer again.
CREATE TABLE idempotency_records (
    scope         text NOT NULL,                           -- the caller's key hash
    idempotency_key text NOT NULL,
    request_hash  text NOT NULL,                           -- method, path and body, so a different request is refused
    status_code   integer,                                 -- NULL while the first request is still running
    content_type  text,
    body          bytea,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_records_created ON idempotency_records (created_at);
