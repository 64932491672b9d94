using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>One call as a completed job lists it (<see cref="Error"/> written as null for a call that succeeded).</summary>
public sealed record SaasJobCallSummary(
    Guid CallId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Purpose,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ModelGroup,
    long Tokens,
    int LatencyMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Error)
{
    public static SaasJobCallSummary Of(SaasJobCall call) =>
        new(call.CallId, call.Purpose, call.ModelGroup, call.TotalTokens, call.LatencyMs, call.Error);
}
