using System.Text.Json;
using System.Text.Json.Serialization;
using LlmPlatform.Application.Billing.Credits;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>A team as the SaaS dialect shows it: its access groups, status and credits.</summary>
public sealed record SaasTeamView
{
    public required string TeamId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? TeamAlias { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? OrganizationId { get; init; }

    /// <summary><c>active</c> or <c>suspended</c>.</summary>
    public required string Status { get; init; }

    public IReadOnlyList<string> AccessGroups { get; init; } = [];

    /// <summary>The same list under the name older clients read.</summary>
    public IReadOnlyList<string> ModelGroups => AccessGroups;

    public long CreditsAllocated { get; init; }

    public long CreditsUsed { get; init; }

    public long CreditsRemaining { get; init; }

    public string BudgetMode { get; init; } = BudgetModes.JobBased;

    public decimal CreditsPerDollar { get; init; }

    /// <summary>The whole credit account; null when the team has none (a team made on the LiteLLM admin API).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public CreditAccount? Credits { get; init; }

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    /// <summary>The team's virtual key: only in the answer that created it (keys are stored as hashes).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VirtualKey { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
