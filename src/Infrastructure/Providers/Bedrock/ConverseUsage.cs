using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseUsage
{
    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public Usage ToUsage() => Usage.Of(InputTokens ?? 0, OutputTokens ?? 0);
}
