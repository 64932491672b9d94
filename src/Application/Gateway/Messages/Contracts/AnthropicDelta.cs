namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>A block delta (<c>text_delta</c>, <c>input_json_delta</c>) or the message delta (stop reason).</summary>
public sealed record AnthropicDelta
{
    public string? Type { get; init; }

    public string? Text { get; init; }

    public string? PartialJson { get; init; }

    public string? StopReason { get; init; }

    public string? StopSequence { get; init; }
}
