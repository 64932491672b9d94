namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>The body of <c>POST /model/{modelId}/converse</c> and <c>/converse-stream</c>.</summary>
internal sealed record ConverseRequest
{
    public required IReadOnlyList<ConverseMessage> Messages { get; init; }

    public IReadOnlyList<ConverseSystemBlock>? System { get; init; }

    public ConverseInferenceConfig? InferenceConfig { get; init; }

    public ConverseToolConfig? ToolConfig { get; init; }
}
