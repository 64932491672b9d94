namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>Batches' rows for the API (the executor's own statements live with the executor).</summary>
public interface IBatchStore
{
    Task InsertAsync(StoredBatch batch, CancellationToken cancellationToken);

    /// <summary>The batch, when it exists and <paramref name="owner"/> (null: any owner) owns it.</summary>
    Task<StoredBatch?> GetAsync(string id, string? owner, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="after"/> is the last id of the previous page.</summary>
    Task<IReadOnlyList<StoredBatch>> ListAsync(string? owner, string? after, int take, CancellationToken cancellationToken);

    /// <summary>Moves a validating or running batch to <c>cancelling</c>; false when its status does not allow it.</summary>
    Task<bool> RequestCancelAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
