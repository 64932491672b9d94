namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// The <c>/v1/generate</c> requests of every node: the running ones, which can be cancelled from any node, and the
/// ended ones for a while. Each is seen only by the owner that started it.
/// </summary>
public interface IGenerationTracker
{
    /// <summary>
    /// Starts tracking a request under <paramref name="requestId"/> (the gateway's request id), or a new id when that
    /// one is already tracked; its token also ends when <paramref name="aborted"/> does. It is visible to every node
    /// once this returns.
    /// </summary>
    Task<GenerationHandle> StartAsync(string requestId, string owner, string model, CancellationToken aborted);

    Task<GenerationStatus?> FindAsync(string requestId, string owner, CancellationToken cancellationToken);

    /// <summary>Cancels a running request, here or on the node that runs it; null when the owner has no such request.</summary>
    Task<CancelledGeneration?> CancelAsync(string requestId, string owner, CancellationToken cancellationToken);
}
