using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>A model alias as the SaaS dialect shows it; provider keys are never shown.</summary>
public sealed record ModelAliasView
{
    public required string ModelAlias { get; init; }

    public required string DisplayName { get; init; }

    public required string Provider { get; init; }

    public required string ActualModel { get; init; }

    /// <summary>The id of the deployment that serves the alias.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? LitellmModelId { get; init; }

    public required IReadOnlyList<string> AccessGroups { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Description { get; init; }

    /// <summary>USD per million input tokens.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? PricingInput { get; init; }

    /// <summary>USD per million output tokens.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? PricingOutput { get; init; }

    /// <summary>Always <c>active</c>: an alias serves calls until it is deleted.</summary>
    public string Status { get; init; } = "active";

    /// <summary>The teams whose models name the alias or one of its groups; null when none does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<string>? TeamsUsing { get; init; }

    /// <summary>Null for a model of the configuration file.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTime? CreatedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTime? UpdatedAt { get; init; }
}
