-- Webhooks: subscriptions, and an outbox of events with one delivery per subscribed webhook, so that nothing
-- published is lost across restarts and every node's worker can take due deliveries without sending one twice.

CREATE TABLE webhooks (
    id               text PRIMARY KEY,                -- "wh_..."
    owner            text,                            -- the creating key's owner scope; NULL: an admin's, receives every event
    url              text NOT NULL,
    events           text[] NOT NULL,
    secret_encrypted text NOT NULL,                   -- AES-GCM ciphertext (base64) of the signing secret
    secret_masked    text NOT NULL,                   -- what the API shows
    created_at       timestamptz NOT NULL
);

CREATE INDEX webhooks_owner ON webhooks (owner);

CREATE TABLE webhook_events (
    id         text PRIMARY KEY,                      -- "evt_..."
    type       text NOT NULL,
    owner      text,
    payload    text NOT NULL,                         -- the exact body every delivery sends (and signs)
    dedupe_key text UNIQUE,                           -- alerts raised at most once (per scope and window, per key and expiry)
    created_at timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               text PRIMARY KEY,                -- "whd_...", sent as x-llmplatform-delivery, the same on every retry
    webhook_id       text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id         text NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status           text NOT NULL,                   -- pending, delivered, failed
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,            -- also the lease of a claimed attempt
    first_attempt_at timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at DESC);

-- The delivery log: one row per attempt.
CREATE TABLE webhook_delivery_attempts (
    delivery_id  text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      integer NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    error        text,
    duration_ms  integer NOT NULL,
    succeeded    boolean NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
