namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>The endpoints a batch may call.</summary>
public static class BatchEndpoints
{
    public const string ChatCompletions = "/v1/chat/completions";

    public const string Embeddings = "/v1/embeddings";

    public const string Completions = "/v1/completions";

    public static IReadOnlyList<string> All { get; } = [ChatCompletions, Embeddings, Completions];

    public static bool IsSupported(string? endpoint) => endpoint is not null && All.Contains(endpoint, StringComparer.Ordinal);
}
