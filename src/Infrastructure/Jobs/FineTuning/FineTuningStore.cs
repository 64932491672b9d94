using LlmPlatform.Application.Jobs.FineTuning;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Jobs.FineTuning;

/// <summary>Fine-tuning jobs in <c>fine_tuning_jobs</c>, their events and checkpoints in their own tables.</summary>
internal sealed class FineTuningStore : IFineTuningStore
{
    private const string Columns = """
        job_id AS Id, owner AS Owner, provider_job_id AS ProviderJobId, deployment_id AS DeploymentId, model AS Model,
        training_file AS TrainingFile, validation_file AS ValidationFile, suffix AS Suffix, metadata::text AS Metadata,
        created_at AS CreatedAt, status AS Status, fine_tuned_model AS FineTunedModel, organization_id AS OrganizationId,
        hyperparameters::text AS Hyperparameters, seed AS Seed, error::text AS Error, trained_tokens AS TrainedTokens,
        result_files::text AS ResultFiles, estimated_finish AS EstimatedFinish, finished_at AS FinishedAt, finalized AS Finalized
        """;

    private const string InsertSql = """
        INSERT INTO fine_tuning_jobs (job_id, owner, provider_job_id, deployment_id, model, training_file, validation_file,
            status, fine_tuned_model, organization_id, hyperparameters, suffix, seed, metadata, error, trained_tokens,
            result_files, estimated_finish, created_at, finished_at, finalized, next_poll_at)
        VALUES (@Id, @Owner, @ProviderJobId, @DeploymentId, @Model, @TrainingFile, @ValidationFile,
            @Status, @FineTunedModel, @OrganizationId, @Hyperparameters::jsonb, @Suffix, @Seed, @Metadata::jsonb, @Error::jsonb,
            @TrainedTokens, @ResultFiles::jsonb, @EstimatedFinish, @CreatedAt, @FinishedAt, false, @NextPollAt)
        """;

    private const string GetSql = "SELECT " + Columns + " FROM fine_tuning_jobs WHERE job_id = @id AND (@owner::text IS NULL OR owner = @owner)";

    private const string ListSql = "SELECT " + Columns + """
         FROM fine_tuning_jobs
        WHERE (@owner::text IS NULL OR owner = @owner)
          AND (@after::text IS NULL OR (created_at, job_id) < (SELECT a.created_at, a.job_id FROM fine_tuning_jobs a WHERE a.job_id = @after))
        ORDER BY created_at DESC, job_id DESC
        LIMIT @take
        """;

    private const string ClaimSql = """
        UPDATE fine_tuning_jobs
           SET next_poll_at = @leaseUntil
          FROM (SELECT job_id AS due_id FROM fine_tuning_jobs
                 WHERE NOT finalized AND next_poll_at <= @now
                 ORDER BY next_poll_at
                 LIMIT @take
                 FOR UPDATE SKIP LOCKED) due
         WHERE job_id = due.due_id
        RETURNING
        """ + " " + Columns;

    private const string UpdateMirrorSql = """
        UPDATE fine_tuning_jobs
           SET status = CASE WHEN status IN ('succeeded', 'failed', 'cancelled') THEN status ELSE @Status END,
               fine_tuned_model = COALESCE(@FineTunedModel, fine_tuned_model),
               organization_id = COALESCE(@OrganizationId, organization_id),
               hyperparameters = COALESCE(@Hyperparameters::jsonb, hyperparameters),
               seed = COALESCE(@Seed, seed),
               error = COALESCE(@Error::jsonb, error),
               trained_tokens = COALESCE(@TrainedTokens, trained_tokens),
               result_files = COALESCE(@ResultFiles::jsonb, result_files),
               estimated_finish = @EstimatedFinish,
               finished_at = COALESCE(@FinishedAt, finished_at)
         WHERE job_id = @Id
        """;

    private const string RescheduleSql = "UPDATE fine_tuning_jobs SET next_poll_at = @nextPollAt WHERE job_id = @id AND NOT finalized";

    private const string FinalizeSql = "UPDATE fine_tuning_jobs SET finalized = true WHERE job_id = @id";

    private const string AddEventsSql = """
        INSERT INTO fine_tuning_events (job_id, event_id, created_at, body)
        SELECT @id, t.item_id, t.created_at, t.body::jsonb
          FROM unnest(@ids, @times, @bodies) WITH ORDINALITY AS t(item_id, created_at, body, n)
         ORDER BY t.n
        ON CONFLICT (job_id, event_id) DO NOTHING
        """;

    private const string AddCheckpointsSql = """
        INSERT INTO fine_tuning_checkpoints (job_id, checkpoint_id, created_at, body)
        SELECT @id, t.item_id, t.created_at, t.body::jsonb
          FROM unnest(@ids, @times, @bodies) WITH ORDINALITY AS t(item_id, created_at, body, n)
         ORDER BY t.n
        ON CONFLICT (job_id, checkpoint_id) DO NOTHING
        """;

    private const string ListEventsSql = """
        SELECT event_id AS Id, created_at AS CreatedAt, body::text AS Body
          FROM fine_tuning_events
         WHERE job_id = @id
           AND (@after::text IS NULL OR position < (SELECT a.position FROM fine_tuning_events a WHERE a.job_id = @id AND a.event_id = @after))
         ORDER BY position DESC
         LIMIT @take
        """;

    private const string ListCheckpointsSql = """
        SELECT checkpoint_id AS Id, created_at AS CreatedAt, body::text AS Body
          FROM fine_tuning_checkpoints
         WHERE job_id = @id
           AND (@after::text IS NULL OR position < (SELECT a.position FROM fine_tuning_checkpoints a WHERE a.job_id = @id AND a.checkpoint_id = @after))
         ORDER BY position DESC
         LIMIT @take
        """;

    private readonly NpgsqlDataSource _dataSource;

    public FineTuningStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public Task InsertAsync(StoredFineTuningJob job, DateTimeOffset nextPollAt, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            InsertSql,
            new
            {
                job.Id,
                job.Owner,
                job.ProviderJobId,
                job.DeploymentId,
                job.Model,
                job.TrainingFile,
                job.ValidationFile,
                job.Mirror.Status,
                job.Mirror.FineTunedModel,
                job.Mirror.OrganizationId,
                job.Mirror.Hyperparameters,
                job.Suffix,
                job.Mirror.Seed,
                job.Metadata,
                job.Mirror.Error,
                job.Mirror.TrainedTokens,
                job.Mirror.ResultFiles,
                job.Mirror.EstimatedFinish,
                job.CreatedAt,
                job.Mirror.FinishedAt,
                NextPollAt = nextPollAt,
            },
            cancellationToken);

    public async Task<StoredFineTuningJob?> GetAsync(string id, string? owner, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<JobRow>(GetSql, new { id, owner }, cancellationToken).ConfigureAwait(false))?.ToJob();

    public async Task<IReadOnlyList<StoredFineTuningJob>> ListAsync(string? owner, string? after, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<JobRow>(ListSql, new { owner, after, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToJob())
            .ToList();

    public async Task<IReadOnlyList<StoredFineTuningJob>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<JobRow>(ClaimSql, new { now, leaseUntil, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToJob())
            .ToList();

    public Task UpdateMirrorAsync(string id, FineTuningMirror mirror, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            UpdateMirrorSql,
            new
            {
                Id = id,
                mirror.Status,
                mirror.FineTunedModel,
                mirror.OrganizationId,
                mirror.Hyperparameters,
                mirror.Seed,
                mirror.Error,
                mirror.TrainedTokens,
                mirror.ResultFiles,
                mirror.EstimatedFinish,
                mirror.FinishedAt,
            },
            cancellationToken);

    public Task RescheduleAsync(string id, DateTimeOffset nextPollAt, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(RescheduleSql, new { id, nextPollAt }, cancellationToken);

    public Task MarkFinalizedAsync(string id, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(FinalizeSql, new { id }, cancellationToken);

    public Task AddEventsAsync(string id, IReadOnlyList<MirroredItem> oldestFirst, CancellationToken cancellationToken) =>
        AddItemsAsync(AddEventsSql, id, oldestFirst, cancellationToken);

    public Task AddCheckpointsAsync(string id, IReadOnlyList<MirroredItem> oldestFirst, CancellationToken cancellationToken) =>
        AddItemsAsync(AddCheckpointsSql, id, oldestFirst, cancellationToken);

    public async Task<IReadOnlyList<MirroredItem>> ListEventsAsync(string id, string? after, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<ItemRow>(ListEventsSql, new { id, after, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToItem())
            .ToList();

    public async Task<IReadOnlyList<MirroredItem>> ListCheckpointsAsync(string id, string? after, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<ItemRow>(ListCheckpointsSql, new { id, after, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToItem())
            .ToList();

    private async Task AddItemsAsync(string sql, string id, IReadOnlyList<MirroredItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var ids = items.Select(i => i.Id).ToArray();
        var times = items.Select(i => i.CreatedAt.UtcDateTime).ToArray();
        var bodies = items.Select(i => i.Body).ToArray();
        await _dataSource.ExecuteAsync(sql, new { id, ids, times, bodies }, cancellationToken).ConfigureAwait(false);
    }

    private sealed record JobRow(
        string Id,
        string Owner,
        string ProviderJobId,
        string DeploymentId,
        string Model,
        string TrainingFile,
        string? ValidationFile,
        string? Suffix,
        string? Metadata,
        DateTime CreatedAt,
        string Status,
        string? FineTunedModel,
        string? OrganizationId,
        string? Hyperparameters,
        long? Seed,
        string? Error,
        long? TrainedTokens,
        string? ResultFiles,
        DateTime? EstimatedFinish,
        DateTime? FinishedAt,
        bool Finalized)
    {
        public StoredFineTuningJob ToJob() => new(
            Id,
            Owner,
            ProviderJobId,
            DeploymentId,
            Model,
            TrainingFile,
            ValidationFile,
            Suffix,
            Metadata,
            Utc.Of(CreatedAt),
            new FineTuningMirror(Status, FineTunedModel, OrganizationId, Hyperparameters, Seed, Error, TrainedTokens, ResultFiles, Utc.Of(EstimatedFinish), Utc.Of(FinishedAt)),
            Finalized);
    }

    private sealed record ItemRow(string Id, DateTime CreatedAt, string Body)
    {
        public MirroredItem ToItem() => new(Id, Utc.Of(CreatedAt), Body);
    }
}
