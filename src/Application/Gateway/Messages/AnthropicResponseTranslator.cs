using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Messages.Contracts;

namespace LlmPlatform.Application.Gateway.Messages;

/// <summary>Turns a chat completion into an Anthropic message: text and tool_use blocks, Anthropic's stop reasons and usage.</summary>
public static class AnthropicResponseTranslator
{
    public static AnthropicMessageResponse FromChat(ChatCompletionResponse response, string model)
    {
        var blocks = new List<AnthropicContentBlock>();
        var choice = response.Choices.Count > 0 ? response.Choices[0] : null;
        if (choice?.Message.Content is { Length: > 0 } text)
        {
            blocks.Add(new AnthropicContentBlock { Type = "text", Text = text });
        }

        foreach (var call in choice?.Message.ToolCalls ?? [])
        {
            blocks.Add(new AnthropicContentBlock
            {
                Type = "tool_use",
                Id = call.Id ?? "toolu_" + Guid.NewGuid().ToString("N"),
                Name = call.Function?.Name ?? string.Empty,
                Input = ParseInput(call.Function?.Arguments),
            });
        }

        return new AnthropicMessageResponse
        {
            Id = MessageId(response.Id),
            Model = model,
            Content = blocks,
            StopReason = StopReason(choice?.FinishReason, blocks.Any(b => b.Type == "tool_use")),
            Usage = new AnthropicUsage { InputTokens = response.Usage?.PromptTokens ?? 0, OutputTokens = response.Usage?.CompletionTokens ?? 0 },
        };
    }

    public static string MessageId(string chatId) => chatId.StartsWith("msg_", StringComparison.Ordinal) ? chatId : "msg_" + chatId;

    /// <summary>OpenAI's finish reasons in Anthropic's words.</summary>
    public static string StopReason(string? finishReason, bool calledTools) => finishReason switch
    {
        "length" => "max_tokens",
        "tool_calls" or "function_call" => "tool_use",
        _ when calledTools => "tool_use",
        _ => "end_turn",
    };

    /// <summary>A tool call's arguments as the JSON object Anthropic clients expect; an empty object when they are not valid JSON.</summary>
    public static JsonElement ParseInput(string? arguments)
    {
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            try
            {
                using var document = JsonDocument.Parse(arguments);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // Fall through to the empty object: the model produced arguments that are not JSON.
            }
        }

        using var empty = JsonDocument.Parse("{}");
        return empty.RootElement.Clone();
    }
}
