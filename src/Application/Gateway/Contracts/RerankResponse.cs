using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The answer of <c>POST /v1/rerank</c>: results ordered by relevance, best first.</summary>
public sealed record RerankResponse
{
    public required string Id { get; init; }

    public required IReadOnlyList<RerankResult> Results { get; init; }

    public JsonElement? Meta { get; init; }
}
