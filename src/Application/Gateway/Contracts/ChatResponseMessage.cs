namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The assistant's message in an answer, or the delta of a streamed chunk.</summary>
public sealed record ChatResponseMessage
{
    public string? Role { get; set; }

    public string? Content { get; set; }

    public string? Refusal { get; set; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; set; }

    public FunctionCallPayload? FunctionCall { get; set; }
}
