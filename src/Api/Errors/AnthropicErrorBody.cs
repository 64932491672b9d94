namespace LlmPlatform.Api.Errors;

/// <summary>The inside of Anthropic's error envelope.</summary>
public sealed record AnthropicErrorBody
{
    public required string Type { get; init; }

    public required string Message { get; init; }
}
