-- Access: users, teams, organizations, budgets, end users, access groups, and the limits of virtual keys.

CREATE TABLE budgets (
    budget_id             text PRIMARY KEY,
    max_budget            numeric(20, 10),
    soft_budget           numeric(20, 10),
    budget_duration       text,
    tpm_limit             bigint,
    rpm_limit             bigint,
    max_parallel_requests integer,
    model_max_budget      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_by            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
    organization_id       text PRIMARY KEY,
    organization_alias    text NOT NULL,
    models                text[] NOT NULL DEFAULT '{}',
    max_budget            numeric(20, 10),
    soft_budget           numeric(20, 10),
    budget_duration       text,
    tpm_limit             bigint,
    rpm_limit             bigint,
    max_parallel_requests integer,
    budget_id             text REFERENCES budgets (budget_id) ON DELETE SET NULL,
    spend                 numeric(20, 10) NOT NULL DEFAULT 0,
    metadata              jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_by            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    user_id               text PRIMARY KEY,
    user_email            text,
    user_alias            text,
    user_role             text NOT NULL DEFAULT 'internal_user',
    models                text[] NOT NULL DEFAULT '{}',
    max_budget            numeric(20, 10),
    soft_budget           numeric(20, 10),
    budget_duration       text,
    tpm_limit             bigint,
    rpm_limit             bigint,
    max_parallel_requests integer,
    budget_id             text REFERENCES budgets (budget_id) ON DELETE SET NULL,
    spend                 numeric(20, 10) NOT NULL DEFAULT 0,
    metadata              jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
    team_id               text PRIMARY KEY,
    team_alias            text,
    organization_id       text REFERENCES organizations (organization_id) ON DELETE SET NULL,
    models                text[] NOT NULL DEFAULT '{}',
    max_budget            numeric(20, 10),
    soft_budget           numeric(20, 10),
    budget_duration       text,
    tpm_limit             bigint,
    rpm_limit             bigint,
    max_parallel_requests integer,
    budget_id             text REFERENCES budgets (budget_id) ON DELETE SET NULL,
    spend                 numeric(20, 10) NOT NULL DEFAULT 0,
    blocked               boolean NOT NULL DEFAULT false,
    metadata              jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_by            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
    team_id    text NOT NULL REFERENCES teams (team_id) ON DELETE CASCADE,
    user_id    text NOT NULL,
    role       text NOT NULL DEFAULT 'user',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);

CREATE INDEX team_members_user_id ON team_members (user_id);

CREATE TABLE organization_members (
    organization_id text NOT NULL REFERENCES organizations (organization_id) ON DELETE CASCADE,
    user_id         text NOT NULL,
    user_role       text NOT NULL DEFAULT 'internal_user',
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX organization_members_user_id ON organization_members (user_id);

CREATE TABLE end_users (
    user_id                 text PRIMARY KEY,
    alias                   text,
    blocked                 boolean NOT NULL DEFAULT false,
    max_budget              numeric(20, 10),
    soft_budget             numeric(20, 10),
    budget_duration         text,
    budget_id               text REFERENCES budgets (budget_id) ON DELETE SET NULL,
    allowed_model_region    text,
    default_model           text,
    spend                   numeric(20, 10) NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model_access_groups (
    access_group text PRIMARY KEY,
    models       text[] NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE virtual_keys
    ADD COLUMN soft_budget           numeric(20, 10),
    ADD COLUMN budget_duration       text,
    ADD COLUMN budget_id             text REFERENCES budgets (budget_id) ON DELETE SET NULL,
    ADD COLUMN model_max_budget      jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN tpm_limit             bigint,
    ADD COLUMN rpm_limit             bigint,
    ADD COLUMN max_parallel_requests integer,
    ADD COLUMN model_rpm_limit       jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN model_tpm_limit       jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN aliases               jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN allowed_routes        text[] NOT NULL DEFAULT '{}',
    ADD COLUMN tags                  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN created_by            text;

CREATE INDEX virtual_keys_organization_id ON virtual_keys (organization_id);
CREATE UNIQUE INDEX virtual_keys_key_alias ON virtual_keys (key_alias) WHERE key_alias IS NOT NULL;
