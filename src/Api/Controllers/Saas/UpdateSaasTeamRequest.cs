namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>PUT /api/teams/{team_id}</c>: every field optional.</summary>
public sealed record UpdateSaasTeamRequest
{
    public string? TeamAlias { get; init; }

    public IReadOnlyList<string>? AccessGroups { get; init; }

    public IReadOnlyList<string>? ModelGroups { get; init; }

    public long? CreditsAllocated { get; init; }

    public long? CreditsUsed { get; init; }

    /// <summary><c>job_based</c>, <c>consumption_usd</c> or <c>consumption_tokens</c>.</summary>
    public string? BudgetMode { get; init; }

    public decimal? CreditsPerDollar { get; init; }
}
