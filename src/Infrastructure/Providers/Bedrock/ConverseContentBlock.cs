namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>A content block, a union: exactly one member is set.</summary>
internal sealed record ConverseContentBlock
{
    public string? Text { get; init; }

    public ConverseImage? Image { get; init; }

    public ConverseToolUse? ToolUse { get; init; }

    public ConverseToolResult? ToolResult { get; init; }
}
