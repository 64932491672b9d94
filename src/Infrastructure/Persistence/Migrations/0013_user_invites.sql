-- Invites to register in the gateway-user dialect (seed 003), needed when general_settings.invite_required is on.
-- Only the SHA-256 of an invite's token is stored. An invite is used once, by the e-mail it names if it names one.
CREATE TABLE user_invites (
    invite_id   text PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    email       text,
    created_by  text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    used_by     text
);
