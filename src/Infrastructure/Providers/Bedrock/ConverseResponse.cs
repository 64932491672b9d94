namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>A Converse answer: <c>output.message</c>, <c>stopReason</c> and <c>usage</c>.</summary>
internal sealed record ConverseResponse
{
    public ConverseOutput? Output { get; init; }

    public string? StopReason { get; init; }

    public ConverseUsage? Usage { get; init; }
}
