using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Jobs.Saas;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>SaaS jobs and their calls in PostgreSQL, with Dapper; metadata merges run in the database, so none is lost.</summary>
internal sealed class SaasJobStore : ISaasJobStore
{
    private const string JobColumns = """
        job_id AS JobId, team_id AS TeamId, organization_id AS OrganizationId, user_id AS UserId, job_type AS JobType,
        status AS Status, metadata::text AS Metadata, error_message AS ErrorMessage, model_groups_used AS ModelGroupsUsed,
        credit_applied AS CreditApplied, created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt,
        updated_at AS UpdatedAt
        """;

    private const string CallColumns = """
        call_id AS CallId, job_id AS JobId, request_id AS RequestId, purpose AS Purpose, model_group AS ModelGroup,
        deployment_id AS DeploymentId, prompt_tokens AS PromptTokens, completion_tokens AS CompletionTokens,
        cost_usd AS CostUsd, latency_ms AS LatencyMs, error AS Error, created_at AS CreatedAt
        """;

    private const string InsertSql = """
        INSERT INTO saas_jobs (job_id, team_id, organization_id, user_id, job_type, status, metadata, created_at, updated_at)
        VALUES (@JobId, @TeamId, @OrganizationId, @UserId, @JobType, @Status, @Metadata::jsonb, @CreatedAt, @UpdatedAt)
        """;

    private const string FindSql = "SELECT " + JobColumns + " FROM saas_jobs WHERE job_id = @jobId";

    private const string StartCallSql = """
        UPDATE saas_jobs SET
            status = CASE WHEN status = 'pending' THEN 'in_progress' ELSE status END,
            started_at = COALESCE(started_at, @now),
            model_groups_used = CASE WHEN @model = ANY (model_groups_used) THEN model_groups_used ELSE array_append(model_groups_used, @model) END,
            updated_at = @now
        WHERE job_id = @jobId
        """;

    private const string InsertCallSql = """
        INSERT INTO saas_job_calls (call_id, job_id, request_id, purpose, model_group, deployment_id, prompt_tokens,
            completion_tokens, cost_usd, latency_ms, error, created_at)
        VALUES (@CallId, @JobId, @RequestId, @Purpose, @ModelGroup, @DeploymentId, @PromptTokens, @CompletionTokens,
            @CostUsd, @LatencyMs, @Error, @CreatedAt)
        """;

    private const string ListCallsSql = "SELECT " + CallColumns + " FROM saas_job_calls WHERE job_id = @jobId ORDER BY created_at, call_id";

    private const string MergeSql = "UPDATE saas_jobs SET metadata = metadata || @metadata::jsonb, updated_at = @now WHERE job_id = @jobId RETURNING " + JobColumns;

    private const string CompleteSql = """
        UPDATE saas_jobs SET status = @status, completed_at = @now, updated_at = @now,
            error_message = COALESCE(@errorMessage, error_message),
            metadata = metadata || @metadata::jsonb
        WHERE job_id = @jobId
        RETURNING
        """ + " " + JobColumns;

    private const string TotalsSql = """
        SELECT j.job_id AS JobId, j.job_type AS JobType, j.status AS Status,
            COALESCE(SUM(c.prompt_tokens + c.completion_tokens), 0) AS Tokens, COALESCE(SUM(c.cost_usd), 0) AS CostUsd
        FROM saas_jobs j LEFT JOIN saas_job_calls c ON c.job_id = j.job_id
        WHERE j.team_id = @teamId AND j.created_at >= @from AND j.created_at < @to
        GROUP BY j.job_id, j.job_type, j.status
        ORDER BY j.job_id
        """;

    private const string ListWhere = """
        WHERE (@TeamId::text IS NULL OR team_id = @TeamId)
          AND (@Status::text IS NULL OR status = @Status)
          AND (@From::timestamptz IS NULL OR created_at >= @From)
          AND (@To::timestamptz IS NULL OR created_at < @To)
        """;

    private readonly NpgsqlDataSource _dataSource;

    public SaasJobStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public Task AddAsync(SaasJob job, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            InsertSql,
            new { job.JobId, job.TeamId, job.OrganizationId, job.UserId, job.JobType, job.Status, Metadata = JsonColumns.Write(job.Metadata), job.CreatedAt, job.UpdatedAt },
            cancellationToken);

    public async Task<SaasJob?> FindAsync(Guid jobId, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<JobRow>(FindSql, new { jobId }, cancellationToken).ConfigureAwait(false))?.ToJob();

    public Task MarkCallStartedAsync(Guid jobId, string modelGroup, DateTimeOffset now, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(StartCallSql, new { jobId, model = modelGroup, now }, cancellationToken);

    public Task AddCallAsync(SaasJobCall call, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            InsertCallSql,
            new
            {
                call.CallId, call.JobId, call.RequestId, call.Purpose, call.ModelGroup, call.DeploymentId, call.PromptTokens,
                call.CompletionTokens, call.CostUsd, call.LatencyMs, call.Error, call.CreatedAt,
            },
            cancellationToken);

    public async Task<IReadOnlyList<SaasJobCall>> ListCallsAsync(Guid jobId, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<CallRow>(ListCallsSql, new { jobId }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToCall()).ToList();

    public async Task<SaasJob?> MergeMetadataAsync(Guid jobId, IReadOnlyDictionary<string, JsonElement> metadata, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<JobRow>(MergeSql, new { jobId, metadata = JsonSerializer.Serialize(metadata), now }, cancellationToken).ConfigureAwait(false))?.ToJob();

    public async Task<SaasJob?> CompleteAsync(
        Guid jobId,
        string status,
        string? errorMessage,
        IReadOnlyDictionary<string, JsonElement>? metadata,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var merge = JsonSerializer.Serialize(metadata ?? new Dictionary<string, JsonElement>());
        var row = await _dataSource.QuerySingleOrDefaultAsync<JobRow>(CompleteSql, new { jobId, status, errorMessage, metadata = merge, now }, cancellationToken).ConfigureAwait(false);
        return row?.ToJob();
    }

    public async Task<(IReadOnlyList<SaasJob> Jobs, int Total)> ListAsync(SaasJobFilter filter, CancellationToken cancellationToken)
    {
        // The sort column comes from a fixed map, never from the request's text.
        var column = SaasJobFilter.SortColumns[filter.SortBy];
        var direction = filter.Descending ? "DESC NULLS LAST" : "ASC NULLS LAST";
        var sql = "SELECT " + JobColumns + ", count(*) OVER () AS Total FROM saas_jobs " + ListWhere
            + $" ORDER BY {column} {direction}, job_id LIMIT @Limit OFFSET @Offset";
        var rows = await _dataSource.QueryListAsync<JobRow>(sql, filter, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && filter.Offset > 0)
        {
            // Past the last page: the window count is not there to read, so count alone.
            var total = await _dataSource.QuerySingleOrDefaultAsync<int>("SELECT count(*)::int FROM saas_jobs " + ListWhere, filter, cancellationToken).ConfigureAwait(false);
            return ([], total);
        }

        return (rows.Select(r => r.ToJob()).ToList(), rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    public async Task<IReadOnlyList<SaasJobTotals>> ListTotalsAsync(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<TotalsRow>(TotalsSql, new { teamId, from, to }, cancellationToken).ConfigureAwait(false))
            .Select(r => new SaasJobTotals(r.JobId, r.JobType, r.Status, r.Tokens, r.CostUsd))
            .ToList();

    private sealed record JobRow
    {
        public Guid JobId { get; init; }

        public string TeamId { get; init; } = string.Empty;

        public string? OrganizationId { get; init; }

        public string? UserId { get; init; }

        public string JobType { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string? Metadata { get; init; }

        public string? ErrorMessage { get; init; }

        public string[] ModelGroupsUsed { get; init; } = [];

        public bool CreditApplied { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime? StartedAt { get; init; }

        public DateTime? CompletedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        /// <summary>How many jobs the listing's filter matches (read only by listings).</summary>
        public long Total { get; init; }

        public SaasJob ToJob() => new()
        {
            JobId = JobId,
            TeamId = TeamId,
            OrganizationId = OrganizationId,
            UserId = UserId,
            JobType = JobType,
            Status = Status,
            Metadata = JsonColumns.Read<JsonElement>(Metadata),
            ErrorMessage = ErrorMessage,
            ModelGroupsUsed = ModelGroupsUsed,
            CreditApplied = CreditApplied,
            CreatedAt = Utc.Of(CreatedAt),
            StartedAt = StartedAt is { } started ? Utc.Of(started) : null,
            CompletedAt = CompletedAt is { } completed ? Utc.Of(completed) : null,
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }

    private sealed record CallRow
    {
        public Guid CallId { get; init; }

        public Guid JobId { get; init; }

        public string RequestId { get; init; } = string.Empty;

        public string? Purpose { get; init; }

        public string? ModelGroup { get; init; }

        public string? DeploymentId { get; init; }

        public long PromptTokens { get; init; }

        public long CompletionTokens { get; init; }

        public decimal CostUsd { get; init; }

        public int LatencyMs { get; init; }

        public string? Error { get; init; }

        public DateTime CreatedAt { get; init; }

        public SaasJobCall ToCall() => new()
        {
            CallId = CallId,
            JobId = JobId,
            RequestId = RequestId,
            Purpose = Purpose,
            ModelGroup = ModelGroup,
            DeploymentId = DeploymentId,
            PromptTokens = PromptTokens,
            CompletionTokens = CompletionTokens,
            CostUsd = CostUsd,
            LatencyMs = LatencyMs,
            Error = Error,
            CreatedAt = Utc.Of(CreatedAt),
        };
    }

    private sealed record TotalsRow
    {
        public Guid JobId { get; init; }

        public string JobType { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public long Tokens { get; init; }

        public decimal CostUsd { get; init; }
    }
}
