namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>
/// The statements that keep the report roll-ups (<c>spend_daily</c>, <c>spend_daily_tags</c>, <c>spend_usage_daily</c>,
/// <c>spend_usage_hourly</c>) in step with <c>spend_logs</c>. They are data-modifying CTE clauses that read a relation
/// named <c>inserted</c> with <see cref="InsertedColumns"/>: the ledger writer's merge puts them after its insert, so
/// only rows actually inserted are counted and a replayed batch adds nothing.
/// </summary>
internal static class SpendRollups
{
    /// <summary>The columns the roll-ups need from each inserted ledger row.</summary>
    public const string InsertedColumns = """
        api_key, user_id, team_id, organization_id, end_user, model_group, provider, prompt_tokens, completion_tokens,
        total_tokens, spend, start_time, end_time, status, tags
        """;

    /// <summary>
    /// The roll-up CTE clauses, each starting with a comma, to follow a <c>WITH inserted AS (...)</c>. The first,
    /// <c>batch</c>, sums the inserted rows once by everything a roll-up or a total is kept by (a batch of a thousand
    /// rows is a handful of groups), and the roll-ups add up those groups: each read of the thousand rows of
    /// <c>inserted</c> cost about as much as the insert of a row into an index.
    /// </summary>
    public const string Clauses = """
        ,
        batch AS (
            SELECT (start_time AT TIME ZONE 'UTC')::date AS day, date_trunc('hour', start_time AT TIME ZONE 'UTC') AS hour,
                api_key, user_id, team_id, organization_id, end_user, model_group, provider, tags,
                latency_bucket(start_time, end_time) AS bucket, count(*) AS requests,
                count(*) FILTER (WHERE status <> 'success') AS failures, sum(prompt_tokens) AS prompt_tokens,
                sum(completion_tokens) AS completion_tokens, sum(total_tokens) AS total_tokens, sum(spend) AS spend
            FROM inserted
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        rollup_daily AS (
            INSERT INTO spend_daily AS d (day, api_key, user_id, team_id, organization_id, end_user, model_group, provider,
                requests, failures, prompt_tokens, completion_tokens, total_tokens, spend)
            SELECT day, api_key, coalesce(user_id, ''), coalesce(team_id, ''), coalesce(organization_id, ''),
                coalesce(end_user, ''), coalesce(model_group, ''), coalesce(provider, ''), sum(requests), sum(failures),
                sum(prompt_tokens), sum(completion_tokens), sum(total_tokens), sum(spend)
            FROM batch
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            ON CONFLICT (day, api_key, user_id, team_id, organization_id, end_user, model_group, provider) DO UPDATE SET
                requests = d.requests + excluded.requests, failures = d.failures + excluded.failures,
                prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
                completion_tokens = d.completion_tokens + excluded.completion_tokens,
                total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend),
        rollup_tags AS (
            INSERT INTO spend_daily_tags AS d (day, tag, api_key, user_id, team_id, model_group,
                requests, prompt_tokens, completion_tokens, total_tokens, spend)
            SELECT b.day, t.tag, b.api_key, coalesce(b.user_id, ''), coalesce(b.team_id, ''), coalesce(b.model_group, ''),
                sum(b.requests), sum(b.prompt_tokens), sum(b.completion_tokens), sum(b.total_tokens), sum(b.spend)
            FROM batch b
            CROSS JOIN LATERAL (SELECT DISTINCT e AS tag FROM jsonb_array_elements_text(
                CASE WHEN jsonb_typeof(b.tags) = 'array' THEN b.tags ELSE '[]'::jsonb END) AS x(e)) t
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
            FROM (SELECT day, coalesce(model_group, '') AS model_group, api_key, coalesce(user_id, '') AS user_id,
                    coalesce(team_id, '') AS team_id, bucket, sum(requests)::bigint AS requests,
                    sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
                    sum(total_tokens) AS total_tokens, sum(spend) AS spend
                FROM batch GROUP BY 1, 2, 3, 4, 5, 6) r
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
            FROM (SELECT hour, coalesce(model_group, '') AS model_group, api_key, coalesce(user_id, '') AS user_id,
                    coalesce(team_id, '') AS team_id, bucket, sum(requests)::bigint AS requests,
                    sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
                    sum(total_tokens) AS total_tokens, sum(spend) AS spend
                FROM batch GROUP BY 1, 2, 3, 4, 5, 6) r
            GROUP BY GROUPING SETS ((hour, model_group, api_key, user_id, team_id), (hour, model_group))
            ON CONFLICT (hour, model_group, api_key, user_id, team_id) DO UPDATE SET
                requests = d.requests + excluded.requests, prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
                completion_tokens = d.completion_tokens + excluded.completion_tokens,
                total_tokens = d.total_tokens + excluded.total_tokens, spend = d.spend + excluded.spend,
                latency = latency_histogram_merge(d.latency, excluded.latency))
        """;
}
