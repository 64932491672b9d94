using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>What the handler hands back: a whole answer, or a started stream to relay.</summary>
public sealed record ChatCompletionOutcome
{
    public ChatCompletionResponse? Response { get; init; }

    public GatewayChatStream? Stream { get; init; }

    public required string ModelGroup { get; init; }

    public required string DeploymentId { get; init; }

    public int Attempts { get; init; }

    /// <summary>Known for whole answers; a stream's cost is known only at its end.</summary>
    public decimal? Cost { get; init; }

    /// <summary>
    /// The answer came from the response cache: <see cref="Response"/> holds it even for a streamed request, which the
    /// dialect replays as a stream (see <see cref="Caching.ChatCompletionReplay"/>).
    /// </summary>
    public bool CacheHit { get; init; }

    /// <summary>The request's response-cache key; null when the cache is off for it.</summary>
    public string? CacheKey { get; init; }
}
