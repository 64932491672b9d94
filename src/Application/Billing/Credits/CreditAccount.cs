using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary>A team's credits (the SaaS dialect's balance): what it was given, what its jobs used, and how jobs are charged.</summary>
public sealed record CreditAccount
{
    public required string TeamId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? OrganizationId { get; init; }

    public long CreditsAllocated { get; init; }

    public long CreditsUsed { get; init; }

    public long CreditsRemaining => CreditsAllocated - CreditsUsed;

    /// <summary>One of <see cref="BudgetModes"/>.</summary>
    public string BudgetMode { get; init; } = BudgetModes.JobBased;

    public decimal CreditsPerDollar { get; init; } = 10m;

    public long TokensPerCredit { get; init; } = 10_000;

    /// <summary><c>active</c>, or <c>suspended</c> while the team is blocked.</summary>
    public string Status { get; init; } = "active";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What a completed job costs in credits under this account's budget mode (at least one).</summary>
    public long ChargeFor(decimal costUsd, long tokens) => BudgetMode switch
    {
        BudgetModes.ConsumptionUsd => Math.Max(1, (long)decimal.Floor(costUsd * CreditsPerDollar)),
        BudgetModes.ConsumptionTokens => Math.Max(1, tokens / Math.Max(1, TokensPerCredit)),
        _ => 1,
    };
}
