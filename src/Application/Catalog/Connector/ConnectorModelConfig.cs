using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>
/// A Connector model's <c>config</c> read for its provider: the LiteLLM <c>model</c> it becomes
/// (<c>bedrock/&lt;modelId&gt;</c>, <c>openai/&lt;model&gt;</c>, <c>mock/&lt;modelId&gt;</c>), the api base and key of an
/// openai-compatible one, and the config to keep with the key masked.
/// </summary>
public sealed record ConnectorModelConfig(string LitellmModel, string? ApiBase, string? ApiKey, string? Region, string MaskedConfig)
{
    public static Result<ConnectorModelConfig> Parse(string provider, string? config)
    {
        JsonObject? values;
        try
        {
            values = JsonNode.Parse(string.IsNullOrEmpty(config) ? "{}" : config) as JsonObject;
        }
        catch (JsonException)
        {
            values = null;
        }

        if (values is null)
        {
            return Error.Validation("'config' must be a JSON object written as a string, such as {\"modelId\": \"...\"}.", "config");
        }

        var region = Text(values, "region") ?? Text(values, "regions");
        switch (provider)
        {
            case ConnectorProviders.BedrockConverse or ConnectorProviders.Mock:
                var modelId = Text(values, "modelId");
                if (modelId is null)
                {
                    return Error.Validation($"'config' of a {provider} model needs \"modelId\".", "config");
                }

                var prefix = provider == ConnectorProviders.Mock ? "mock/" : "bedrock/";
                return new ConnectorModelConfig(prefix + modelId, null, null, region, values.ToJsonString());
            case ConnectorProviders.OpenAiCompatible:
                var model = Text(values, "model") ?? Text(values, "modelId");
                var baseUrl = Text(values, "baseURL") ?? Text(values, "baseUrl");
                if (model is null || baseUrl is null)
                {
                    return Error.Validation("'config' of an openai-compatible model needs \"baseURL\" and \"model\".", "config");
                }

                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    return Error.Validation("'config.baseURL' must be an http or https URL.", "config");
                }

                var apiKey = Text(values, "apiKey");
                if (apiKey is not null)
                {
                    values["apiKey"] = apiKey.Length > 8 ? "****" + apiKey[^4..] : "****";
                }

                return new ConnectorModelConfig("openai/" + model, baseUrl, apiKey, null, values.ToJsonString());
            default:
                return Error.Validation($"'provider' must be one of: {string.Join(", ", ConnectorProviders.All)}.", "provider");
        }
    }

    private static string? Text(JsonObject values, string name) =>
        values[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
