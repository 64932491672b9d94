-- The model groups an admin loaded or unloaded (seed 003's model lifecycle), shared by every node and kept across
-- restarts. A group without a row is loaded.
CREATE TABLE model_runtime_state (
    model_group text PRIMARY KEY,
    loaded      boolean NOT NULL,
    changed_at  timestamptz NOT NULL
);
