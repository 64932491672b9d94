namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The assistant's message in an answer, or the delta of a streamed chunk.</summary>
public sealed record ChatResponseMessage
{
    public string? Role { get; init; }

    public string? Content { get; init; }

    public string? Refusal { get; init; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    public FunctionCallPayload? FunctionCall { get; init; }
}
