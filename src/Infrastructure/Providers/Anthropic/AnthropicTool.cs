using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Anthropic;

internal sealed record AnthropicTool(string Name, string? Description, JsonElement InputSchema);
