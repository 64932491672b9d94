-- Files (metadata; the content lives in the blob store) and batches with one row per input line,
-- so an interrupted batch resumes with only its unfinished lines.

CREATE TABLE files (
    file_id    text PRIMARY KEY,
    owner      text NOT NULL,
    filename   text NOT NULL,
    purpose    text NOT NULL,
    bytes      bigint NOT NULL,
    blob_key   text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz
);

CREATE INDEX files_owner_created ON files (owner, created_at DESC, file_id DESC);

CREATE TABLE batches (
    batch_id          text PRIMARY KEY,
    owner             text NOT NULL,
    key_hash          text NOT NULL,
    endpoint          text NOT NULL,
    input_file_id     text NOT NULL,
    completion_window text NOT NULL,
    status            text NOT NULL,
    metadata          jsonb,
    errors            jsonb,
    output_file_id    text,
    error_file_id     text,
    total_count       integer NOT NULL DEFAULT 0,
    completed_count   integer NOT NULL DEFAULT 0,
    failed_count      integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    in_progress_at    timestamptz,
    expires_at        timestamptz NOT NULL,
    finalizing_at     timestamptz,
    completed_at      timestamptz,
    failed_at         timestamptz,
    expired_at        timestamptz,
    cancelling_at     timestamptz,
    cancelled_at      timestamptz,
    provider_deployment_id text,                 -- set when the batch runs on the provider's own batch API
    provider_batch_id      text,
    lease_owner       text,
    lease_until       timestamptz
);

CREATE INDEX batches_owner_created ON batches (owner, created_at DESC, batch_id DESC);
CREATE INDEX batches_active ON batches (created_at) WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling');

-- status: pending, completed, failed. A finished line keeps its answer (or error) until the output files are written.
CREATE TABLE batch_requests (
    batch_id      text NOT NULL REFERENCES batches (batch_id) ON DELETE CASCADE,
    line_no       integer NOT NULL,
    request_id    text NOT NULL,
    custom_id     text NOT NULL,
    body          text NOT NULL,
    status        text NOT NULL,
    status_code   integer,
    response      text,
    error_code    text,
    error_message text,
    finished_at   timestamptz,
    PRIMARY KEY (batch_id, line_no)
);

CREATE INDEX batch_requests_pending ON batch_requests (batch_id, line_no) WHERE status = 'pending';
