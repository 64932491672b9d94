using System.Text.Json;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Catalog;

/// <summary>One deployment of <c>GET /model/info</c>: <c>{model_name, litellm_params, model_info}</c>, without secrets.</summary>
public sealed record ModelInfoView
{
    private static readonly HashSet<string> SecretParams = new(StringComparer.Ordinal)
    {
        "api_key", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
    };

    public required string ModelName { get; init; }

    public required IReadOnlyDictionary<string, object?> LitellmParams { get; init; }

    public required IReadOnlyDictionary<string, object?> ModelInfo { get; init; }

    public static ModelInfoView Of(CatalogEntry entry)
    {
        var deployment = entry.Deployment;
        var settings = deployment.Settings;
        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model"] = deployment.Provider + "/" + deployment.UpstreamModel,
        };
        Put(parameters, "api_base", settings.ApiBase);
        Put(parameters, "api_version", settings.ApiVersion);
        Put(parameters, "litellm_credential_name", settings.CredentialName);
        Put(parameters, "rpm", settings.Rpm);
        Put(parameters, "tpm", settings.Tpm);
        Put(parameters, "timeout", settings.Timeout?.TotalSeconds);
        Put(parameters, "stream_timeout", settings.StreamTimeout?.TotalSeconds);
        Put(parameters, "max_retries", settings.MaxRetries);
        Put(parameters, "aws_region_name", settings.AwsRegionName);
        if (Math.Abs(settings.Weight - 1) > double.Epsilon)
        {
            parameters["weight"] = settings.Weight;
        }

        AddExtras(parameters, entry.LitellmParams, SecretParams);

        var info = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = deployment.Id,
            ["db_model"] = entry.Stored,
            ["mode"] = settings.Mode,
            ["litellm_provider"] = deployment.Provider,
            ["input_cost_per_token"] = deployment.Pricing.InputCostPerToken,
            ["output_cost_per_token"] = deployment.Pricing.OutputCostPerToken,
        };
        Put(info, "max_tokens", settings.MaxTokens);
        Put(info, "max_input_tokens", settings.MaxInputTokens);
        AddExtras(info, entry.ModelInfo, null);
        return new ModelInfoView { ModelName = deployment.ModelName, LitellmParams = parameters, ModelInfo = info };
    }

    private static void Put(IDictionary<string, object?> target, string key, object? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    private static void AddExtras(IDictionary<string, object?> target, JsonElement? extras, HashSet<string>? skip)
    {
        if (extras is not { ValueKind: JsonValueKind.Object } values)
        {
            return;
        }

        foreach (var property in values.EnumerateObject())
        {
            if (!target.ContainsKey(property.Name) && skip?.Contains(property.Name) != true)
            {
                target[property.Name] = property.Value.Clone();
            }
        }
    }
}
