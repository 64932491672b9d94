using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.ChatCompletions;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>
/// A job call under way: the gateway's outcome (a whole answer, or a stream to relay), and what recording it needs.
/// <see cref="Recorded"/> is set for a whole answer, which is recorded at once.
/// </summary>
public sealed record SaasJobCallStart
{
    public required Guid JobId { get; init; }

    public required Guid CallId { get; init; }

    public required string ModelGroup { get; init; }

    public string? Purpose { get; init; }

    public Dictionary<string, JsonElement>? CallMetadata { get; init; }

    public required string RequestId { get; init; }

    public required ChatCompletionOutcome Outcome { get; init; }

    public required CallReceipt Receipt { get; init; }

    /// <summary>When the call started, for its latency should it end without a settled receipt.</summary>
    public DateTimeOffset Started { get; init; }

    public SaasJobCall? Recorded { get; init; }
}
