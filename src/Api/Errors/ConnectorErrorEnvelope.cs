namespace LlmPlatform.Api.Errors;

/// <summary>The Connector dialect's error body (seed 004): <c>{"success": false, "data": "..."}</c>.</summary>
public sealed record ConnectorErrorEnvelope
{
    public bool Success { get; init; }

    public required string Data { get; init; }
}
