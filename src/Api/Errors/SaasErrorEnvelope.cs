namespace LlmPlatform.Api.Errors;

/// <summary>FastAPI's error body: <c>{"detail": "..."}</c>.</summary>
public sealed record SaasErrorEnvelope
{
    public required string Detail { get; init; }
}
