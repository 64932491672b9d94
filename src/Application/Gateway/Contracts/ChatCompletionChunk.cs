using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One Server-Sent Event of a streamed chat completion (<c>object: chat.completion.chunk</c>).</summary>
public sealed record ChatCompletionChunk
{
    private UpstreamBytes<ArraySegment<byte>> _upstreamJson;

    // Settable rather than init-only or C#-required: System.Text.Json's source generator fills init-only and required
    // members through a constructor call with every value collected first (boxed), which made parsing a stream chunk
    // several times slower. [JsonRequired] keeps the wire rule that the member must be present.
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion.chunk";

    public long Created { get; set; }

    [JsonRequired]
    public string Model { get; set; } = string.Empty;

    /// <summary>Never null: an upstream that sends <c>"choices": null</c> sent no choices.</summary>
    [JsonRequired]
    public IReadOnlyList<ChunkChoice> Choices { get; set => field = value ?? []; } = [];

    public Usage? Usage { get; set; }

    public string? SystemFingerprint { get; set; }

    /// <summary>
    /// The event's JSON as an OpenAI-compatible upstream sent it (one line, already parsed into this chunk), so
    /// that a chunk relayed unchanged goes out as those bytes instead of being serialized again. The array is
    /// rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>; whoever takes it (<see cref="TakeUpstreamJson"/>)
    /// returns it. Not part of the wire form, of equality, or of a <c>with</c> copy.
    /// </summary>
    internal ArraySegment<byte> UpstreamJson
    {
        get => _upstreamJson.For(this);
        set => _upstreamJson = new(this, value);
    }

    /// <summary>Hands over <see cref="UpstreamJson"/> (empty when there is none) and forgets it.</summary>
    internal ArraySegment<byte> TakeUpstreamJson()
    {
        var json = UpstreamJson;
        UpstreamJson = default;
        return json;
    }
}
