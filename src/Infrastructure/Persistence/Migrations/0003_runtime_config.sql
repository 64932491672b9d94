-- Configuration changed at run time through the admin API; every node reloads it when the version moves.

-- Reusable provider credentials. Each value is AES-GCM ciphertext (base64), never clear text.
CREATE TABLE credentials (
    credential_name   text PRIMARY KEY,
    credential_values jsonb NOT NULL,
    credential_info   jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Deployments added through /model/new, beside those of the configuration file.
-- Secret litellm_params (api_key, aws_*) live encrypted in secret_params, not in litellm_params.
CREATE TABLE model_deployments (
    model_id       text PRIMARY KEY,
    model_name     text NOT NULL,
    litellm_params jsonb NOT NULL,
    secret_params  jsonb NOT NULL DEFAULT '{}'::jsonb,
    model_info     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Router settings set through PATCH /router/settings: the keys given, applied over the file's router_settings.
CREATE TABLE router_settings_override (
    id         smallint PRIMARY KEY CHECK (id = 1),
    settings   jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One counter moved by every change above, so nodes can poll cheaply for changes.
CREATE TABLE runtime_config_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);

INSERT INTO runtime_config_version (id, version) VALUES (1, 0);
