using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Model entries as JSON: parsing by the configuration file's rules, and keeping secrets apart for storage.</summary>
internal static class ModelEntries
{
    public static IReadOnlySet<string> SecretParams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "api_key", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
    };

    /// <summary>Parses <c>{model_name, litellm_params, model_info}</c>; a bad value is a validation error naming the field.</summary>
    public static Result<ModelDeployment> Parse(JsonObject entry, string id, List<string> warnings)
    {
        using var document = JsonDocument.Parse(entry.ToJsonString());
        try
        {
            return YamlConfigLoader.ParseModel(document.RootElement, (_, _) => id, warnings, Environment.GetEnvironmentVariable);
        }
        catch (ConfigurationException ex)
        {
            return Error.Validation(ex.Message, ex.Key);
        }
        catch (DomainException ex)
        {
            return Error.Validation(ex.Message, "litellm_params.model");
        }
    }

    /// <summary>The object under <paramref name="key"/>, or an empty one; anything else there is left for the parser to reject.</summary>
    public static JsonObject ObjectAt(JsonObject entry, string key) => entry[key] as JsonObject ?? new JsonObject();

    /// <summary>Splits <c>litellm_params</c> into the part stored in clear and the secret values.</summary>
    public static (JsonObject Public, Dictionary<string, string> Secrets) Split(JsonObject parameters)
    {
        var visible = new JsonObject();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            if (SecretParams.Contains(key))
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    secrets[key] = text;
                }
            }
            else
            {
                visible[key] = value?.DeepClone();
            }
        }

        return (visible, secrets);
    }

    public static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
