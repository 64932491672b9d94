using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>The tool's JSON schema, under <c>json</c>.</summary>
internal sealed record ConverseInputSchema(JsonElement Json);
