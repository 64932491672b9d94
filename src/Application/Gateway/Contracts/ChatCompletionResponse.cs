using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A non-streamed chat completion (<c>object: chat.completion</c>).</summary>
public sealed record ChatCompletionResponse
{
    private UpstreamBytes<ArraySegment<byte>> _upstreamJson;

    // Settable, not init-only or C#-required, for the parser's sake: see ChatCompletionChunk.
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion";

    public long Created { get; set; }

    [JsonRequired]
    public string Model { get; set; } = string.Empty;

    /// <summary>Never null: an upstream that sends <c>"choices": null</c> sent no choices.</summary>
    [JsonRequired]
    public IReadOnlyList<ChatChoice> Choices { get; set => field = value ?? []; } = [];

    public Usage? Usage { get; set; }

    public string? SystemFingerprint { get; set; }

    /// <summary>
    /// The whole JSON body an OpenAI-compatible upstream answered with (already parsed into this answer), so that an
    /// answer passed on unchanged goes out as those bytes, with every field the upstream sent, instead of being
    /// serialized again. The array is rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>; whoever takes it
    /// (<see cref="TakeUpstreamJson"/>) returns it, and an answer nobody relays leaves it to the collector. Not part of
    /// the wire form, of equality, or of a <c>with</c> copy.
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
