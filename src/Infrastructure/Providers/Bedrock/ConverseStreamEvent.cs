namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>
/// The payload of one ConverseStream event; which members are set depends on the <c>:event-type</c>
/// (messageStart, contentBlockStart, contentBlockDelta, contentBlockStop, messageStop, metadata).
/// </summary>
internal sealed record ConverseStreamEvent
{
    public string? Role { get; init; }

    public int? ContentBlockIndex { get; init; }

    public ConverseBlockStart? Start { get; init; }

    public ConverseBlockDelta? Delta { get; init; }

    public string? StopReason { get; init; }

    public ConverseUsage? Usage { get; init; }

    /// <summary>The text of an exception event's payload.</summary>
    public string? Message { get; init; }
}
