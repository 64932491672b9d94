namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A tool call in a message, or (with <see cref="Index"/>) a fragment of one in a stream delta.</summary>
public sealed record ToolCall
{
    public int? Index { get; init; }

    public string? Id { get; init; }

    public string? Type { get; init; }

    public FunctionCallPayload? Function { get; init; }
}
