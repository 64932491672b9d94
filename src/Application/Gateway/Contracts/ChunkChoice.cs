using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChunkChoice
{
    // Settable, not init-only or C#-required, for the parser's sake: see ChatCompletionChunk.
    public int Index { get; set; }

    [JsonRequired]
    public ChatResponseMessage Delta { get; set; } = null!;

    public string? FinishReason { get; set; }

    public JsonElement? Logprobs { get; set; }
}
