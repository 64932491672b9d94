namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A tool call in a message, or (with <see cref="Index"/>) a fragment of one in a stream delta.</summary>
public sealed record ToolCall
{
    public int? Index { get; set; }

    public string? Id { get; set; }

    public string? Type { get; set; }

    public FunctionCallPayload? Function { get; set; }
}
