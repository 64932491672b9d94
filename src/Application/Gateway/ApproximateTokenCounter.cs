using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// A cheap, generous estimate of token counts (one token per three UTF-8 bytes, rounded up, plus OpenAI's
/// per-message overhead) for budget reservations on the hot path, where running the real tokenizer (and holding
/// its vocabulary in memory) would cost more than it is worth: the reservation is settled to the real usage after.
/// </summary>
public sealed class ApproximateTokenCounter : ITokenCounter
{
    private const int BytesPerToken = 3;
    private const int PerMessage = 4;
    private const int ImageTokens = 85;

    public static ApproximateTokenCounter Instance { get; } = new();

    public int CountText(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : (Encoding.UTF8.GetByteCount(text) + BytesPerToken - 1) / BytesPerToken;

    public int CountPrompt(IReadOnlyList<ChatMessage> messages)
    {
        var total = 3;
        foreach (var message in messages)
        {
            total += PerMessage + CountText(message.Name);
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

    /// <summary>
    /// Counts a JSON string from its bytes as they stand in the request, escapes included (never fewer than the
    /// decoded text's), without decoding it into a string first.
    /// </summary>
    private static int CountJsonString(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value).Length - 2;
        return raw <= 0 ? 0 : (raw + BytesPerToken - 1) / BytesPerToken;
    }

    private int CountContent(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return CountJsonString(content);
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        var sum = 0;
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                sum += CountJsonString(text);
            }
            else
            {
                sum += ImageTokens;
            }
        }

        return sum;
    }
}
