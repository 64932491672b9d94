using System.Text.Json;

namespace LlmPlatform.Application.Catalog;

/// <summary>One model group of <c>GET /model_group/info</c>, summed up over its deployments.</summary>
public sealed record ModelGroupInfoView
{
    public required string ModelGroup { get; init; }

    public required IReadOnlyList<string> Providers { get; init; }

    public int? MaxInputTokens { get; init; }

    public int? MaxOutputTokens { get; init; }

    public decimal? InputCostPerToken { get; init; }

    public decimal? OutputCostPerToken { get; init; }

    public required string Mode { get; init; }

    public int? Tpm { get; init; }

    public int? Rpm { get; init; }

    public bool SupportsParallelFunctionCalling { get; init; }

    public bool SupportsVision { get; init; }

    public bool SupportsFunctionCalling { get; init; }

    public bool SupportsToolChoice { get; init; }

    public bool SupportsResponseSchema { get; init; }

    public bool SupportsSystemMessages { get; init; }

    public static ModelGroupInfoView Of(string group, IReadOnlyList<CatalogEntry> entries)
    {
        var deployments = entries.Select(e => e.Deployment).ToList();
        bool Supports(string flag) => entries.Any(e =>
            e.ModelInfo is { ValueKind: JsonValueKind.Object } info
            && info.TryGetProperty(flag, out var value)
            && value.ValueKind == JsonValueKind.True);

        return new ModelGroupInfoView
        {
            ModelGroup = group,
            Providers = deployments.Select(d => d.Provider).Distinct(StringComparer.Ordinal).ToList(),
            MaxInputTokens = deployments.Max(d => d.Settings.MaxInputTokens),
            MaxOutputTokens = deployments.Max(d => d.Settings.MaxTokens),
            InputCostPerToken = deployments.Max(d => d.Pricing.InputCostPerToken),
            OutputCostPerToken = deployments.Max(d => d.Pricing.OutputCostPerToken),
            Mode = deployments[0].Settings.Mode,
            Tpm = deployments.All(d => d.Settings.Tpm is not null) ? deployments.Sum(d => d.Settings.Tpm) : null,
            Rpm = deployments.All(d => d.Settings.Rpm is not null) ? deployments.Sum(d => d.Settings.Rpm) : null,
            SupportsParallelFunctionCalling = Supports("supports_parallel_function_calling"),
            SupportsVision = Supports("supports_vision"),
            SupportsFunctionCalling = Supports("supports_function_calling"),
            SupportsToolChoice = Supports("supports_tool_choice"),
            SupportsResponseSchema = Supports("supports_response_schema"),
            SupportsSystemMessages = Supports("supports_system_messages"),
        };
    }
}
