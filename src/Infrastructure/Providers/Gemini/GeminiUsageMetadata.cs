using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiUsageMetadata
{
    public long? PromptTokenCount { get; init; }

    public long? CandidatesTokenCount { get; init; }

    public long? ThoughtsTokenCount { get; init; }

    /// <summary>Thinking tokens are billed as output.</summary>
    public Usage ToUsage() => Usage.Of(PromptTokenCount ?? 0, (CandidatesTokenCount ?? 0) + (ThoughtsTokenCount ?? 0));
}
