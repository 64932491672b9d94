using System.Buffers;
using System.Text;
using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Messages.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Messages;

/// <summary>
/// Turns an Anthropic Messages request into a chat completion request, so any provider behind the gateway can
/// answer it: system blocks become a system message, tool_use blocks tool calls, tool_result blocks tool messages,
/// images image_url parts. Shape errors come back as validation errors naming the field.
/// </summary>
public static class AnthropicRequestTranslator
{
    public static Result<ChatCompletionRequest> ToChat(AnthropicMessagesRequest request)
    {
        if (string.IsNullOrEmpty(request.Model))
        {
            return Error.Missing("model");
        }

        if (request.MaxTokens is not > 0)
        {
            return Error.Validation("'max_tokens' is required and must be positive.", "max_tokens");
        }

        if (request.Messages is not { Count: > 0 } messages)
        {
            return Error.Validation("'messages' must be a non-empty array.", "messages");
        }

        var chat = new List<ChatMessage>();
        var system = SystemText(request.System);
        if (!system.IsSuccess)
        {
            return system.Error!;
        }

        if (system.Value.Length > 0)
        {
            chat.Add(new ChatMessage { Role = "system", Content = StringElement(system.Value) });
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var translated = messages[i] switch
            {
                { Role: "user" } user => User(user, i, chat),
                { Role: "assistant" } assistant => Assistant(assistant, i, chat),
                { Role: "system" } inline => InlineSystem(inline, i, chat),
                _ => Error.Validation($"messages.{i}.role must be user, assistant or system.", "messages"),
            };
            if (translated is { } error)
            {
                return error;
            }
        }

        var tools = Tools(request.Tools);
        if (!tools.IsSuccess)
        {
            return tools.Error!;
        }

        var choice = ToolChoice(request.ToolChoice);
        if (!choice.IsSuccess)
        {
            return choice.Error!;
        }

        return new ChatCompletionRequest
        {
            Model = request.Model,
            Messages = chat,
            MaxTokens = request.MaxTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            Stop = request.StopSequences is { Count: > 0 } stops ? JsonSerializer.SerializeToElement(stops, GatewayJsonContext.Default.IReadOnlyListString) : null,
            User = request.Metadata?.UserId,
            Tools = tools.Value,
            ToolChoice = choice.Value,
            ParallelToolCalls = request.ToolChoice?.DisableParallelToolUse == true ? false : null,
            Stream = request.Stream == true ? true : null,
        };
    }

    private static Result<string> SystemText(JsonElement? system)
    {
        if (system is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? string.Empty;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Error.Validation("'system' must be a string or an array of text blocks.", "system");
        }

        var text = new StringBuilder();
        foreach (var block in value.EnumerateArray())
        {
            if (TypeOf(block) != "text" || !block.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
            {
                return Error.Validation("'system' blocks must be {\"type\":\"text\",\"text\":...}.", "system");
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(t.GetString());
        }

        return text.ToString();
    }

    private static Error? InlineSystem(AnthropicMessage message, int index, List<ChatMessage> chat)
    {
        var text = SystemText(message.Content);
        if (!text.IsSuccess)
        {
            return Error.Validation($"messages.{index}.content of a system message must be a string or text blocks.", "messages");
        }

        chat.Add(new ChatMessage { Role = "system", Content = StringElement(text.Value) });
        return null;
    }

    private static Error? User(AnthropicMessage message, int index, List<ChatMessage> chat)
    {
        if (message.Content is { ValueKind: JsonValueKind.String } text)
        {
            chat.Add(new ChatMessage { Role = "user", Content = text });
            return null;
        }

        if (message.Content is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return Error.Validation($"messages.{index}.content must be a string or an array of content blocks.", "messages");
        }

        var parts = new ArrayBufferWriter<byte>();
        var partCount = 0;
        using (var writer = new Utf8JsonWriter(parts))
        {
            writer.WriteStartArray();
            foreach (var block in blocks.EnumerateArray())
            {
                switch (TypeOf(block))
                {
                    case "text" when block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String:
                        writer.WriteStartObject();
                        writer.WriteString("type", "text");
                        writer.WriteString("text", t.GetString());
                        writer.WriteEndObject();
                        partCount++;
                        break;
                    case "image" when ImageUrl(block) is { } url:
                        writer.WriteStartObject();
                        writer.WriteString("type", "image_url");
                        writer.WriteStartObject("image_url");
                        writer.WriteString("url", url);
                        writer.WriteEndObject();
                        writer.WriteEndObject();
                        partCount++;
                        break;
                    case "tool_result" when block.TryGetProperty("tool_use_id", out var id) && id.ValueKind == JsonValueKind.String:
                        chat.Add(new ChatMessage { Role = "tool", ToolCallId = id.GetString(), Content = StringElement(ToolResultText(block)) });
                        break;
                    case "thinking" or "redacted_thinking" or "document":
                        break;
                    default:
                        return Error.Validation(
                            $"messages.{index}.content has a block the gateway cannot translate (type '{TypeOf(block) ?? "missing"}' or missing fields).",
                            "messages");
                }
            }

            writer.WriteEndArray();
        }

        if (partCount > 0)
        {
            using var document = JsonDocument.Parse(parts.WrittenMemory);
            chat.Add(new ChatMessage { Role = "user", Content = document.RootElement.Clone() });
        }

        return null;
    }

    private static Error? Assistant(AnthropicMessage message, int index, List<ChatMessage> chat)
    {
        if (message.Content is { ValueKind: JsonValueKind.String } text)
        {
            chat.Add(new ChatMessage { Role = "assistant", Content = text });
            return null;
        }

        if (message.Content is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return Error.Validation($"messages.{index}.content must be a string or an array of content blocks.", "messages");
        }

        var content = new StringBuilder();
        var calls = new List<ToolCall>();
        foreach (var block in blocks.EnumerateArray())
        {
            switch (TypeOf(block))
            {
                case "text" when block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String:
                    content.Append(t.GetString());
                    break;
                case "tool_use" when block.TryGetProperty("id", out var id) && block.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String:
                    var input = block.TryGetProperty("input", out var i) ? i.GetRawText() : "{}";
                    calls.Add(new ToolCall { Id = id.GetString(), Type = "function", Function = new FunctionCallPayload { Name = name.GetString(), Arguments = input } });
                    break;
                case "thinking" or "redacted_thinking":
                    break;
                default:
                    return Error.Validation(
                        $"messages.{index}.content has a block the gateway cannot translate (type '{TypeOf(block) ?? "missing"}' or missing fields).",
                        "messages");
            }
        }

        chat.Add(new ChatMessage
        {
            Role = "assistant",
            Content = content.Length > 0 || calls.Count == 0 ? StringElement(content.ToString()) : null,
            ToolCalls = calls.Count > 0 ? calls : null,
        });
        return null;
    }

    private static Result<IReadOnlyList<ChatTool>?> Tools(IReadOnlyList<AnthropicTool>? tools)
    {
        if (tools is null || tools.Count == 0)
        {
            return Result<IReadOnlyList<ChatTool>?>.Success(null);
        }

        var translated = new List<ChatTool>(tools.Count);
        foreach (var tool in tools)
        {
            if (tool.Type is not (null or "custom") || string.IsNullOrEmpty(tool.Name))
            {
                return Error.Validation("Each tool needs a 'name'; server tools (web search, code execution, ...) are not supported.", "tools");
            }

            translated.Add(new ChatTool
            {
                Type = "function",
                Function = new FunctionDefinition { Name = tool.Name, Description = tool.Description, Parameters = tool.InputSchema },
            });
        }

        return translated;
    }

    private static Result<JsonElement?> ToolChoice(AnthropicToolChoice? choice)
    {
        switch (choice?.Type)
        {
            case null:
                return Result<JsonElement?>.Success(null);
            case "auto":
                return StringElement("auto");
            case "any":
                return StringElement("required");
            case "none":
                return StringElement("none");
            case "tool" when !string.IsNullOrEmpty(choice.Name):
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", choice.Name);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                using (var document = JsonDocument.Parse(buffer.WrittenMemory))
                {
                    return document.RootElement.Clone();
                }

            default:
                return Error.Validation("'tool_choice.type' must be auto, any, tool (with a name) or none.", "tool_choice");
        }
    }

    private static string? ImageUrl(JsonElement block)
    {
        if (!block.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return TypeOf(source) switch
        {
            "base64" when source.TryGetProperty("media_type", out var media) && source.TryGetProperty("data", out var data)
                => $"data:{media.GetString()};base64,{data.GetString()}",
            "url" when source.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String => url.GetString(),
            _ => null,
        };
    }

    private static string ToolResultText(JsonElement block)
    {
        var text = !block.TryGetProperty("content", out var content) ? string.Empty
            : content.ValueKind == JsonValueKind.String ? content.GetString() ?? string.Empty
            : content.ValueKind == JsonValueKind.Array
                ? string.Concat(content.EnumerateArray()
                    .Where(b => TypeOf(b) == "text" && b.TryGetProperty("text", out _))
                    .Select(b => b.GetProperty("text").GetString()))
                : content.GetRawText();
        return block.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True ? "Error: " + text : text;
    }

    private static string? TypeOf(JsonElement block) =>
        block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    private static JsonElement StringElement(string text) => JsonSerializer.SerializeToElement(text, GatewayJsonContext.Default.String);
}
