using System.Text.Json.Serialization;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>Source-generated serialization of the Converse API wire types (camelCase).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConverseRequest))]
[JsonSerializable(typeof(ConverseResponse))]
[JsonSerializable(typeof(ConverseStreamEvent))]
internal sealed partial class BedrockJsonContext : JsonSerializerContext
{
}
