using System.Text.Json.Serialization;
using System.Text.Json;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A SaaS job: the LLM calls of one business operation, tracked and charged together.</summary>
public sealed record SaasJob
{
    public required Guid JobId { get; init; }

    public required string TeamId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? OrganizationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? UserId { get; init; }

    public required string JobType { get; init; }

    /// <summary>One of <see cref="SaasJobStatus"/>.</summary>
    public required string Status { get; init; }

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public string? ErrorMessage { get; init; }

    public IReadOnlyList<string> ModelGroupsUsed { get; init; } = [];

    public bool CreditApplied { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public DateTimeOffset? StartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
