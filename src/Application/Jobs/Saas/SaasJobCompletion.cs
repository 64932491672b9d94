using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A completed (or failed) job: its status, its costs, and its calls.</summary>
public sealed record SaasJobCompletion(
    Guid JobId,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? CompletedAt,
    SaasJobCostSummary Costs,
    IReadOnlyList<SaasJobCallSummary> Calls);
