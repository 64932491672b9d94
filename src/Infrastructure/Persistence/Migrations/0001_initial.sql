-- Virtual keys: only the SHA-256 of a key is stored.
CREATE TABLE virtual_keys (
    token           text PRIMARY KEY,                -- hex SHA-256 of the key
    key_id          text NOT NULL UNIQUE,
    key_name        text NOT NULL,                   -- "sk-...abcd"
    key_alias       text,
    user_id         text,
    team_id         text,
    organization_id text,
    models          text[] NOT NULL DEFAULT '{}',
    max_budget      numeric(20, 10),
    spend           numeric(20, 10) NOT NULL DEFAULT 0,
    blocked         boolean NOT NULL DEFAULT false,
    expires         timestamptz,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX virtual_keys_user_id ON virtual_keys (user_id);
CREATE INDEX virtual_keys_team_id ON virtual_keys (team_id);

-- The spend ledger: one row per gateway request.
CREATE TABLE spend_logs (
    request_id        text PRIMARY KEY,
    call_type         text NOT NULL,
    api_key           text NOT NULL,                 -- hashed key
    key_alias         text,
    user_id           text,
    team_id           text,
    organization_id   text,
    end_user          text,
    model_group       text,
    deployment_id     text,
    provider          text,
    api_base          text,
    prompt_tokens     bigint NOT NULL DEFAULT 0,
    completion_tokens bigint NOT NULL DEFAULT 0,
    total_tokens      bigint NOT NULL DEFAULT 0,
    spend             numeric(20, 10) NOT NULL DEFAULT 0,
    start_time        timestamptz NOT NULL,
    end_time          timestamptz NOT NULL,
    first_token_time  timestamptz,
    status            text NOT NULL,
    error_type        text,
    cache_hit         boolean NOT NULL DEFAULT false,
    stream            boolean NOT NULL DEFAULT false,
    attempts          integer NOT NULL DEFAULT 0,
    tags              jsonb,
    metadata          jsonb,
    requester_ip      text
);

CREATE INDEX spend_logs_start_time ON spend_logs (start_time);
CREATE INDEX spend_logs_api_key ON spend_logs (api_key, start_time);
