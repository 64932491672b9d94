using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>
/// Turns OpenAI messages into a <see cref="Conversation"/>: system and developer messages are lifted out,
/// tool and function results become items of a user turn, assistant tool calls become tool-use items, and
/// consecutive messages of one side are merged.
/// </summary>
internal static class ConversationReader
{
    public static Result<Conversation> Read(IReadOnlyList<ChatMessage>? messages)
    {
        var system = new List<string>();
        var turns = new List<Turn>();
        var toolNames = new Dictionary<string, string>(StringComparer.Ordinal);
        string? lastFunctionId = null;
        if (messages is null)
        {
            return new Conversation(system, turns);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var items = new List<TurnItem>();
            bool assistant;
            switch (message.Role)
            {
                case "system" or "developer":
                    system.Add(MessageContent.Text(message.Content));
                    continue;
                case "user":
                    assistant = false;
                    foreach (var part in MessageContent.Parts(message.Content).Where(p => p.ImageUrl is not null || !string.IsNullOrEmpty(p.Text)))
                    {
                        items.Add(part.ImageUrl is null
                            ? new TurnItem(TurnItemKind.Text) { Text = part.Text }
                            : new TurnItem(TurnItemKind.Image) { ImageUrl = part.ImageUrl });
                    }

                    break;
                case "assistant":
                    assistant = true;
                    var text = MessageContent.Text(message.Content);
                    if (text.Length > 0)
                    {
                        items.Add(new TurnItem(TurnItemKind.Text) { Text = text });
                    }

                    foreach (var call in message.ToolCalls ?? [])
                    {
                        var use = ToolUse(call.Id, call.Function?.Name, call.Function?.Arguments, i);
                        if (!use.IsSuccess)
                        {
                            return use.Error!;
                        }

                        toolNames[use.Value.ToolId!] = use.Value.ToolName!;
                        items.Add(use.Value);
                    }

                    if (message.FunctionCall is { } legacy)
                    {
                        lastFunctionId = $"call_fn_{i}";
                        var use = ToolUse(lastFunctionId, legacy.Name, legacy.Arguments, i);
                        if (!use.IsSuccess)
                        {
                            return use.Error!;
                        }

                        toolNames[lastFunctionId] = use.Value.ToolName!;
                        items.Add(use.Value);
                    }

                    break;
                case "tool":
                    assistant = false;
                    if (string.IsNullOrEmpty(message.ToolCallId))
                    {
                        return Error.Validation($"messages[{i}]: a tool message needs tool_call_id.", $"messages[{i}].tool_call_id");
                    }

                    items.Add(new TurnItem(TurnItemKind.ToolResult)
                    {
                        ToolId = message.ToolCallId,
                        ToolName = toolNames.GetValueOrDefault(message.ToolCallId) ?? message.Name,
                        Text = MessageContent.Text(message.Content),
                    });
                    break;
                case "function":
                    assistant = false;
                    items.Add(new TurnItem(TurnItemKind.ToolResult)
                    {
                        ToolId = lastFunctionId ?? $"call_fn_{i}",
                        ToolName = message.Name,
                        Text = MessageContent.Text(message.Content),
                    });
                    break;
                default:
                    return Error.Validation($"messages[{i}].role '{message.Role}' is not one of system, developer, user, assistant, tool, function.", $"messages[{i}].role");
            }

            if (items.Count == 0)
            {
                continue;
            }

            if (turns.Count > 0 && turns[^1].IsAssistant == assistant)
            {
                turns[^1].Items.AddRange(items);
            }
            else
            {
                turns.Add(new Turn(assistant, items));
            }
        }

        return new Conversation(system, turns);
    }

    private static Result<TurnItem> ToolUse(string? id, string? name, string? arguments, int index)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation($"messages[{index}]: a tool call needs a function name.", $"messages[{index}].tool_calls");
        }

        if (!MessageContent.TryParseArguments(arguments, out var parsed))
        {
            return Error.Validation($"messages[{index}]: the arguments of tool call '{name}' are not a JSON object.", $"messages[{index}].tool_calls");
        }

        return new TurnItem(TurnItemKind.ToolUse) { ToolId = id ?? $"call_{index}_{name}", ToolName = name, Arguments = parsed };
    }
}
