using System.Text.Json.Serialization;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Anthropic;

internal sealed record AnthropicUsage
{
    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public long? CacheCreationInputTokens { get; init; }

    public long? CacheReadInputTokens { get; init; }

    /// <summary>Prompt tokens including those written to or read from the prompt cache.</summary>
    [JsonIgnore]
    public long PromptTokens => (InputTokens ?? 0) + (CacheCreationInputTokens ?? 0) + (CacheReadInputTokens ?? 0);

    public Usage ToUsage() => Usage.Of(PromptTokens, OutputTokens ?? 0);
}
