namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The answer of <c>POST /v1/moderations</c>: one result per input.</summary>
public sealed record ModerationResponse
{
    public required string Id { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<ModerationResult> Results { get; init; }
}
