using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChatChoice
{
    // Settable, not init-only or C#-required, for the parser's sake: see ChatCompletionChunk.
    public int Index { get; set; }

    /// <summary>Never null once read: an upstream that sends null sent an empty message.</summary>
    [JsonRequired]
    public ChatResponseMessage Message { get; set => field = value ?? new(); } = null!;

    public string? FinishReason { get; set; }

    public JsonElement? Logprobs { get; set; }
}
