using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Tokens;

/// <summary>
/// Counts tokens with the o200k_base encoding, following OpenAI's per-message overhead. The vocabulary is loaded on
/// the first count (about 4 MB), which is when an upstream first leaves usage out.
/// </summary>
internal sealed class TiktokenCounter : ITokenCounter
{
    private static readonly Lazy<O200kEncoding> Encoding = new(() => new O200kEncoding(O200kVocabulary.Load()));

    public int CountText(string? text) => string.IsNullOrEmpty(text) ? 0 : Encoding.Value.CountTokens(text);

    public int CountPrompt(IReadOnlyList<ChatMessage> messages)
    {
        var total = 3; // every reply is primed with <|start|>assistant<|message|>
        foreach (var message in messages)
        {
            total += 3 + CountText(message.Role) + CountText(message.Name);
            if (message.Content is { } content)
            {
                total += CountContent(content);
            }

            if (message.ToolCalls is { } calls)
            {
                foreach (var call in calls)
                {
                    total += CountText(call.Function?.Name) + CountText(call.Function?.Arguments);
                }
            }
        }

        return total;
    }

    private int CountContent(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return CountText(content.GetString());
            case JsonValueKind.Array:
                var sum = 0;
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        sum += CountText(text.GetString());
                    }
                    else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueEquals("image_url"))
                    {
                        sum += 85; // OpenAI's base cost of a low-detail image
                    }
                }

                return sum;
            default:
                return 0;
        }
    }
}
