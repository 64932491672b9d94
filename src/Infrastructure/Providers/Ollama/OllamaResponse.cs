using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>A whole answer, or one line of a streamed one (the last has <see cref="Done"/> and the counts).</summary>
internal sealed record OllamaResponse
{
    public string? Model { get; init; }

    public OllamaMessage? Message { get; init; }

    public bool Done { get; init; }

    public string? DoneReason { get; init; }

    public long? PromptEvalCount { get; init; }

    public long? EvalCount { get; init; }

    public string? Error { get; init; }

    public Usage ToUsage() => Usage.Of(PromptEvalCount ?? 0, EvalCount ?? 0);
}
