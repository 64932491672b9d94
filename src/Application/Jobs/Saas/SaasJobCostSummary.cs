using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job's calls rolled up, and whether the job was charged.</summary>
public sealed record SaasJobCostSummary
{
    public int TotalCalls { get; init; }

    public int SuccessfulCalls { get; init; }

    public int FailedCalls { get; init; }

    public long TotalTokens { get; init; }

    public decimal TotalCostUsd { get; init; }

    public int AvgLatencyMs { get; init; }

    public bool CreditApplied { get; init; }

    /// <summary>The team's balance; null when the team has no credit account.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? CreditsRemaining { get; init; }

    public static SaasJobCostSummary Of(IReadOnlyList<SaasJobCall> calls, bool creditApplied, long? creditsRemaining) => new()
    {
        TotalCalls = calls.Count,
        SuccessfulCalls = calls.Count(c => c.Error is null),
        FailedCalls = calls.Count(c => c.Error is not null),
        TotalTokens = calls.Sum(c => c.TotalTokens),
        TotalCostUsd = decimal.Round(calls.Sum(c => c.CostUsd), 6),
        AvgLatencyMs = calls.Count == 0 ? 0 : (int)Math.Round(calls.Average(c => c.LatencyMs)),
        CreditApplied = creditApplied,
        CreditsRemaining = creditsRemaining,
    };
}
