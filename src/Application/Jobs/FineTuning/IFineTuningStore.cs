namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>Fine-tuning jobs, their events and their checkpoints, mirrored in PostgreSQL.</summary>
public interface IFineTuningStore
{
    Task InsertAsync(StoredFineTuningJob job, DateTimeOffset nextPollAt, CancellationToken cancellationToken);

    /// <summary>The job, when it exists and <paramref name="owner"/> (null: any owner) owns it.</summary>
    Task<StoredFineTuningJob?> GetAsync(string id, string? owner, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="after"/> is the last id of the previous page. Returns up to <paramref name="take"/> rows.</summary>
    Task<IReadOnlyList<StoredFineTuningJob>> ListAsync(string? owner, string? after, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="take"/> unfinalized jobs due at <paramref name="now"/> (skipping those another node
    /// holds) and pushes their next poll to <paramref name="leaseUntil"/>, so a node that dies mid-poll only delays them.
    /// </summary>
    Task<IReadOnlyList<StoredFineTuningJob>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int take, CancellationToken cancellationToken);

    /// <summary>Stores what the provider reports; a job already ended locally keeps its status.</summary>
    Task UpdateMirrorAsync(string id, FineTuningMirror mirror, CancellationToken cancellationToken);

    Task RescheduleAsync(string id, DateTimeOffset nextPollAt, CancellationToken cancellationToken);

    Task MarkFinalizedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds the items not stored yet; <paramref name="oldestFirst"/> keeps the provider's order.</summary>
    Task AddEventsAsync(string id, IReadOnlyList<MirroredItem> oldestFirst, CancellationToken cancellationToken);

    Task AddCheckpointsAsync(string id, IReadOnlyList<MirroredItem> oldestFirst, CancellationToken cancellationToken);

    /// <summary>Newest first, after the item <paramref name="after"/>.</summary>
    Task<IReadOnlyList<MirroredItem>> ListEventsAsync(string id, string? after, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<MirroredItem>> ListCheckpointsAsync(string id, string? after, int take, CancellationToken cancellationToken);
}
