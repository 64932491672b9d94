namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// The <c>/v1/generate</c> requests of this process: the running ones, which can be cancelled, and the ended ones for
/// a while. Each is seen only by the owner that started it.
/// </summary>
public interface IGenerationTracker
{
    /// <summary>
    /// Starts tracking a request under <paramref name="requestId"/> (the gateway's request id), or a new id when that
    /// one is already tracked; its token also ends when <paramref name="aborted"/> does.
    /// </summary>
    GenerationHandle Start(string requestId, string owner, string model, CancellationToken aborted);

    GenerationStatus? Find(string requestId, string owner);

    /// <summary>Cancels a running request; null when the owner has no such request.</summary>
    CancelledGeneration? Cancel(string requestId, string owner);
}
