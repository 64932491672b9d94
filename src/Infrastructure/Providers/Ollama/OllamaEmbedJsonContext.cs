using System.Text.Json.Serialization;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OllamaEmbedRequest))]
[JsonSerializable(typeof(OllamaEmbedResponse))]
internal sealed partial class OllamaEmbedJsonContext : JsonSerializerContext
{
}
