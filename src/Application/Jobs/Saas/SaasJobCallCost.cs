using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>What one call of a job cost; <see cref="Model"/> is the deployment that answered (null if none did).</summary>
public sealed record SaasJobCallCost(
    Guid CallId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Model,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ModelGroup,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Purpose,
    long PromptTokens,
    long CompletionTokens,
    decimal CostUsd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Error,
    DateTimeOffset CreatedAt);
