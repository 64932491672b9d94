using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>One piece of a turn: text, an image, a tool call the assistant made, or the result of one.</summary>
internal sealed record TurnItem(TurnItemKind Kind)
{
    public string? Text { get; init; }

    public string? ImageUrl { get; init; }

    public string? ToolId { get; init; }

    public string? ToolName { get; init; }

    /// <summary>For <see cref="TurnItemKind.ToolUse"/>: the arguments as a JSON object.</summary>
    public JsonElement Arguments { get; init; }
}
