using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>A model access group as the SaaS dialect shows it.</summary>
public sealed record ModelAccessGroupView
{
    public required string GroupName { get; init; }

    public required string DisplayName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Description { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<ModelAliasSummary> ModelAliases { get; init; }

    /// <summary>The teams whose models name the group; null when none does (and in the answer that creates it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<string>? TeamsUsing { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }
}
