namespace LlmPlatform.Infrastructure.Providers.Common;

internal enum TurnItemKind
{
    Text,
    Image,
    ToolUse,
    ToolResult,
}
