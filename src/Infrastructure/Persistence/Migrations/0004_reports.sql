-- Spend and usage reports read daily and hourly roll-ups of spend_logs instead of the raw ledger.
-- The ledger writer adds to them in the same transaction as it inserts spend_logs rows, and only for the rows
-- actually inserted, so a replayed batch never counts twice. Text dimensions hold '' for "none" (so that they
-- can be part of a primary key); in the usage tables '*' in api_key, user_id and team_id marks the row that
-- totals every key of its bucket and model (the row the admin's /usage reads).

-- Latency histograms: 64 buckets with log-spaced upper bounds of 1.25^i milliseconds (bucket 0: up to 1 ms,
-- bucket 63: everything above about 1.1 million ms). Percentiles cannot be added up; histograms can.
CREATE FUNCTION latency_bucket(started timestamptz, ended timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT least(63, greatest(0,
            ceil(ln(greatest(date_part('epoch', ended - started) * 1000, 1)) / ln(1.25::double precision) - 1e-9)::integer))
    $$;

-- latency_histogram(bucket, n): the histogram of n requests in each given bucket.
CREATE FUNCTION latency_histogram_step(histogram bigint[], bucket integer, n bigint) RETURNS bigint[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
    BEGIN
        IF histogram IS NULL THEN
            histogram := array_fill(0::bigint, ARRAY[64]);
        END IF;
        histogram[bucket + 1] := histogram[bucket + 1] + n;
        RETURN histogram;
    END
    $$;

CREATE AGGREGATE latency_histogram(integer, bigint) (SFUNC = latency_histogram_step, STYPE = bigint[]);

CREATE FUNCTION latency_histogram_merge(a bigint[], b bigint[]) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a
            ELSE ARRAY(SELECT x + y FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i) ORDER BY i) END
    $$;

-- Per day and every dimension the /spend reports group or filter by.
CREATE TABLE spend_daily (
    day               date NOT NULL,
    api_key           text NOT NULL,
    user_id           text NOT NULL,
    team_id           text NOT NULL,
    organization_id   text NOT NULL,
    end_user          text NOT NULL,
    model_group       text NOT NULL,
    provider          text NOT NULL,
    requests          bigint NOT NULL,
    failures          bigint NOT NULL,
    prompt_tokens     bigint NOT NULL,
    completion_tokens bigint NOT NULL,
    total_tokens      bigint NOT NULL,
    spend             numeric(20, 10) NOT NULL,
    PRIMARY KEY (day, api_key, user_id, team_id, organization_id, end_user, model_group, provider)
);

CREATE INDEX spend_daily_api_key ON spend_daily (api_key, day);
CREATE INDEX spend_daily_user_id ON spend_daily (user_id, day);
CREATE INDEX spend_daily_team_id ON spend_daily (team_id, day);

-- Per day and request tag (a request with three tags counts once under each).
CREATE TABLE spend_daily_tags (
    day               date NOT NULL,
    tag               text NOT NULL,
    api_key           text NOT NULL,
    user_id           text NOT NULL,
    team_id           text NOT NULL,
    model_group       text NOT NULL,
    requests          bigint NOT NULL,
    prompt_tokens     bigint NOT NULL,
    completion_tokens bigint NOT NULL,
    total_tokens      bigint NOT NULL,
    spend             numeric(20, 10) NOT NULL,
    PRIMARY KEY (day, tag, api_key, user_id, team_id, model_group)
);

-- Per day or hour and model, with latency histograms: per key/user/team, plus the '*' row of all of them.
CREATE TABLE spend_usage_daily (
    day               date NOT NULL,
    model_group       text NOT NULL,
    api_key           text NOT NULL,
    user_id           text NOT NULL,
    team_id           text NOT NULL,
    requests          bigint NOT NULL,
    prompt_tokens     bigint NOT NULL,
    completion_tokens bigint NOT NULL,
    total_tokens      bigint NOT NULL,
    spend             numeric(20, 10) NOT NULL,
    latency           bigint[] NOT NULL,
    PRIMARY KEY (day, model_group, api_key, user_id, team_id)
);

CREATE INDEX spend_usage_daily_api_key ON spend_usage_daily (api_key, day);
CREATE INDEX spend_usage_daily_user_id ON spend_usage_daily (user_id, day);
CREATE INDEX spend_usage_daily_team_id ON spend_usage_daily (team_id, day);

CREATE TABLE spend_usage_hourly (
    hour              timestamp NOT NULL,          -- UTC
    model_group       text NOT NULL,
    api_key           text NOT NULL,
    user_id           text NOT NULL,
    team_id           text NOT NULL,
    requests          bigint NOT NULL,
    prompt_tokens     bigint NOT NULL,
    completion_tokens bigint NOT NULL,
    total_tokens      bigint NOT NULL,
    spend             numeric(20, 10) NOT NULL,
    latency           bigint[] NOT NULL,
    PRIMARY KEY (hour, model_group, api_key, user_id, team_id)
);

CREATE INDEX spend_usage_hourly_api_key ON spend_usage_hourly (api_key, hour);
CREATE INDEX spend_usage_hourly_user_id ON spend_usage_hourly (user_id, hour);
CREATE INDEX spend_usage_hourly_team_id ON spend_usage_hourly (team_id, hour);

-- /spend/logs filters the raw ledger by user and team as well as by key (spend_logs_api_key) and time.
CREATE INDEX spend_logs_user_id ON spend_logs (user_id, start_time) WHERE user_id IS NOT NULL;
CREATE INDEX spend_logs_team_id ON spend_logs (team_id, start_time) WHERE team_id IS NOT NULL;

-- Backfill: the ledger rows written before this migration, rolled up by the same statement the ledger writer
-- runs for each batch (SpendRollups), so reports cover the whole history from the start.
WITH inserted AS (SELECT api_key, user_id, team_id, organization_id, end_user, model_group, provider, prompt_tokens, completion_tokens, total_tokens, spend, start_time, end_time, status, tags FROM spend_logs),
rollup_daily AS (
    INSERT INTO spend_daily AS d (day, api_key, user_id, team_id, organization_id, end_user, model_group, provider,
        requests, failures, prompt_tokens, completion_tokens, total_tokens, spend)
    SELECT (start_time AT TIME ZONE 'UTC')::date, api_key, coalesce(user_id, ''), coalesce(team_id, ''),
        coalesce(organization_id, ''), coalesce(end_user, ''), coalesce(model_group, ''), coalesce(provider, ''),
        count(*), count(*) FILTER (WHERE status <> 'success'), sum(prompt_tokens), sum(completion_tokens),
        sum(total_tokens), sum(spend)
    FROM inserted
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (day, api_key, user_id, team_id, organization_id, end_user, model_group, provider) DO UPDATE SET
        requests = d.requests + excluded.requests, failures = d.failures + excluded.failures,
        prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend),
rollup_tags AS (
    INSERT INTO spend_daily_tags AS d (day, tag, api_key, user_id, team_id, model_group,
        requests, prompt_tokens, completion_tokens, total_tokens, spend)
    SELECT (i.start_time AT TIME ZONE 'UTC')::date, t.tag, i.api_key, coalesce(i.user_id, ''), coalesce(i.team_id, ''),
        coalesce(i.model_group, ''), count(*), sum(i.prompt_tokens), sum(i.completion_tokens), sum(i.total_tokens),
        sum(i.spend)
    FROM inserted i
    CROSS JOIN LATERAL (SELECT DISTINCT e AS tag FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(i.tags) = 'array' THEN i.tags ELSE '[]'::jsonb END) AS x(e)) t
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, tag, api_key, user_id, team_id, model_group) DO UPDATE SET
        requests = d.requests + excluded.requests, prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend),
rollup_usage_daily AS (
    INSERT INTO spend_usage_daily AS d (day, model_group, api_key, user_id, team_id,
        requests, prompt_tokens, completion_tokens, total_tokens, spend, latency)
    SELECT day, model_group, coalesce(api_key, '*'), coalesce(user_id, '*'), coalesce(team_id, '*'),
        sum(requests)::bigint, sum(prompt_tokens)::bigint, sum(completion_tokens)::bigint, sum(total_tokens)::bigint,
        sum(spend), latency_histogram(bucket, requests)
    FROM (SELECT (start_time AT TIME ZONE 'UTC')::date AS day, coalesce(model_group, '') AS model_group, api_key,
            coalesce(user_id, '') AS user_id, coalesce(team_id, '') AS team_id,
            latency_bucket(start_time, end_time) AS bucket, count(*) AS requests, sum(prompt_tokens) AS prompt_tokens,
            sum(completion_tokens) AS completion_tokens, sum(total_tokens) AS total_tokens, sum(spend) AS spend
        FROM inserted GROUP BY 1, 2, 3, 4, 5, 6) r
    GROUP BY GROUPING SETS ((day, model_group, api_key, user_id, team_id), (day, model_group))
    ON CONFLICT (day, model_group, api_key, user_id, team_id) DO UPDATE SET
        requests = d.requests + excluded.requests, prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend,
        latency = latency_histogram_merge(d.latency, excluded.latency)),
rollup_usage_hourly AS (
    INSERT INTO spend_usage_hourly AS d (hour, model_group, api_key, user_id, team_id,
        requests, prompt_tokens, completion_tokens, total_tokens, spend, latency)
    SELECT hour, model_group, coalesce(api_key, '*'), coalesce(user_id, '*'), coalesce(team_id, '*'),
        sum(requests)::bigint, sum(prompt_tokens)::bigint, sum(completion_tokens)::bigint, sum(total_tokens)::bigint,
        sum(spend), latency_histogram(bucket, requests)
    FROM (SELECT date_trunc('hour', start_time AT TIME ZONE 'UTC') AS hour, coalesce(model_group, '') AS model_group, api_key,
            coalesce(user_id, '') AS user_id, coalesce(team_id, '') AS team_id,
            latency_bucket(start_time, end_time) AS bucket, count(*) AS requests, sum(prompt_tokens) AS prompt_tokens,
            sum(completion_tokens) AS completion_tokens, sum(total_tokens) AS total_tokens, sum(spend) AS spend
        FROM inserted GROUP BY 1, 2, 3, 4, 5, 6) r
    GROUP BY GROUPING SETS ((hour, model_group, api_key, user_id, team_id), (hour, model_group))
    ON CONFLICT (hour, model_group, api_key, user_id, team_id) DO UPDATE SET
        requests = d.requests + excluded.requests, prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend,
        latency = latency_histogram_merge(d.latency, excluded.latency))
SELECT count(*) FROM inserted;
