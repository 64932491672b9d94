-- Conversations (sessions with their messages) and the gateway-user dialect's accounts (seed 003): e-mail logins
-- with salted password hashes, and bring-your-own provider keys, encrypted at rest.

-- A session belongs to one owner ("user:<id>", "team:<id>" or "key:<hash>"); another owner's session does not exist
-- for the caller. "kind" lets other dialects keep their own sessions (chat records, threads) in the same tables.
CREATE TABLE conversation_sessions (
    session_id  uuid PRIMARY KEY,
    owner       text NOT NULL,
    kind        text NOT NULL DEFAULT 'session',
    parent_id   uuid REFERENCES conversation_sessions (session_id) ON DELETE CASCADE,
    title       text,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX conversation_sessions_owner ON conversation_sessions (owner, kind, updated_at DESC);

CREATE TABLE conversation_messages (
    message_id  uuid PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES conversation_sessions (session_id) ON DELETE CASCADE,
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    role        text NOT NULL,
    content     text NOT NULL,
    model       text,
    request_id  text,
    created_at  timestamptz NOT NULL
);

CREATE INDEX conversation_messages_session ON conversation_messages (session_id, seq);

-- One login per user; the e-mail is unique without regard to case. Only a PBKDF2 hash of the password is kept.
CREATE TABLE user_logins (
    user_id       text PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    email         text NOT NULL,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE UNIQUE INDEX user_logins_email ON user_logins (lower(email));

-- A user's own key for a provider, AES-GCM encrypted with the user and provider bound as associated data.
CREATE TABLE user_provider_keys (
    user_id        text NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    provider       text NOT NULL,
    encrypted_key  text NOT NULL,
    masked_key     text NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (user_id, provider)
);
