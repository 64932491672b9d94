namespace LlmPlatform.Api.Errors;

/// <summary>FastAPI's validation error body: <c>{"detail": [{"loc", "msg", "type"}]}</c>, with status 422.</summary>
public sealed record SaasValidationEnvelope
{
    public required IReadOnlyList<SaasValidationItem> Detail { get; init; }
}
