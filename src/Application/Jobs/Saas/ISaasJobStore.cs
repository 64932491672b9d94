using System.Text.Json;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>SaaS jobs and their calls.</summary>
public interface ISaasJobStore
{
    Task AddAsync(SaasJob job, CancellationToken cancellationToken);

    Task<SaasJob?> FindAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Records that a call starts: a pending job goes in progress, and the model joins the ones it used.</summary>
    Task MarkCallStartedAsync(Guid jobId, string modelGroup, DateTimeOffset now, CancellationToken cancellationToken);

    Task AddCallAsync(SaasJobCall call, CancellationToken cancellationToken);

    Task<IReadOnlyList<SaasJobCall>> ListCallsAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Merges keys into the job's metadata (a shallow merge: a given key replaces the stored one).</summary>
    Task<SaasJob?> MergeMetadataAsync(Guid jobId, IReadOnlyDictionary<string, JsonElement> metadata, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends a job with its final status (and error message, and metadata merged in).</summary>
    Task<SaasJob?> CompleteAsync(
        Guid jobId,
        string status,
        string? errorMessage,
        IReadOnlyDictionary<string, JsonElement>? metadata,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>The jobs a filter matches (a page of them) and how many match in all.</summary>
    Task<(IReadOnlyList<SaasJob> Jobs, int Total)> ListAsync(SaasJobFilter filter, CancellationToken cancellationToken);

    /// <summary>The team's jobs created in [from, to), with their calls' totals.</summary>
    Task<IReadOnlyList<SaasJobTotals>> ListTotalsAsync(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
