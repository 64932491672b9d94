using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary>One change of a team's credits: an allocation (credits added), a deduction (a job charged) or an adjustment.</summary>
public sealed record CreditTransaction
{
    public required Guid TransactionId { get; init; }

    public required string TeamId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? OrganizationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public Guid? JobId { get; init; }

    public required string TransactionType { get; init; }

    public long CreditsAmount { get; init; }

    public long CreditsBefore { get; init; }

    public long CreditsAfter { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
