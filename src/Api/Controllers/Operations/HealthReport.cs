namespace LlmPlatform.Api.Controllers.Operations;

/// <summary>The answer of <c>/health</c>, with LiteLLM's endpoint lists.</summary>
public sealed record HealthReport
{
    public required string Status { get; init; }

    public required string Db { get; init; }

    public required string Redis { get; init; }

    public required IReadOnlyList<string> HealthyEndpoints { get; init; }

    public required IReadOnlyList<string> UnhealthyEndpoints { get; init; }

    public int HealthyCount { get; init; }

    public int UnhealthyCount { get; init; }
}
