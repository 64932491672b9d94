namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// Where every node records its <c>/v1/generate</c> requests, so that any node can report one and have it cancelled
/// by the node that runs it. Without a shared store there is one node, and the directory holds nothing.
/// </summary>
public interface IGenerationDirectory
{
    /// <summary>Records where a generation stands: a running one until it ends, an ended one for the retention.</summary>
    Task PublishAsync(SharedGeneration generation, TimeSpan keepFor, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's recorded generation, or null when none is recorded (or the store cannot be read). Records are
    /// kept per owner: request ids come from clients, and one owner's id never hides another's generation.
    /// </summary>
    Task<SharedGeneration?> FindAsync(string requestId, string owner, CancellationToken cancellationToken);

    /// <summary>Asks every node to cancel the owner's generation; the node running it does.</summary>
    Task RequestCancelAsync(string requestId, string owner, CancellationToken cancellationToken);

    /// <summary>Registers this node's handler for cancels asked for by any node: (request id, owner).</summary>
    void OnCancelRequested(Action<string, string> cancel);
}

/// <summary>A generation as recorded for every node: whose it is and where it stands.</summary>
public sealed record SharedGeneration(string Owner, GenerationStatus Status);
