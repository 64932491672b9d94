using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One Server-Sent Event of a streamed chat completion (<c>object: chat.completion.chunk</c>).</summary>
public sealed record ChatCompletionChunk
{
    private UpstreamBytes<ArraySegment<byte>> _upstreamJson;

    private TextDelta _textDelta;

    // Settable rather than init-only or C#-required: System.Text.Json's source generator fills init-only and required
    // members through a constructor call with every value collected first (boxed), which made parsing a stream chunk
    // several times slower. [JsonRequired] keeps the wire rule that the member must be present.
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion.chunk";

    public long Created { get; set; }

    [JsonRequired]
    public string Model { get; set; } = string.Empty;

    /// <summary>
    /// Never null: an upstream that sends <c>"choices": null</c> sent no choices. Built on first read when the chunk
    /// was read as one plain text delta (<see cref="SetTextDelta"/>).
    /// </summary>
    [JsonRequired]
    public IReadOnlyList<ChunkChoice> Choices
    {
        get
        {
            if (_textDelta.IsSet)
            {
                field = [_textDelta.ToChoice()];
                _textDelta = default;
            }

            return field;
        }

        set
        {
            field = value ?? [];
            _textDelta = default;
        }
    } = [];

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

    /// <summary>
    /// Makes the chunk's choices the one choice a stream sends almost every chunk of: a delta of a role and text only,
    /// no logprobs. It is kept as its four values and built into a <see cref="ChunkChoice"/> only if something reads
    /// <see cref="Choices"/>: a relayed chunk is written as its upstream bytes, and its text is all the gateway reads
    /// (<see cref="TryGetTextDelta"/>), so the choice, its delta and their list were made for nothing, fifty times a stream.
    /// </summary>
    internal void SetTextDelta(int index, string? role, string? content, string? finishReason) =>
        _textDelta = new TextDelta(index, role, content, finishReason);

    /// <summary>The text of a chunk read as one plain text delta (<see cref="SetTextDelta"/>) and not built since.</summary>
    internal bool TryGetTextDelta(out string? content)
    {
        content = _textDelta.Content;
        return _textDelta.IsSet;
    }

    /// <summary>Hands over <see cref="UpstreamJson"/> (empty when there is none) and forgets it.</summary>
    internal ArraySegment<byte> TakeUpstreamJson()
    {
        var json = UpstreamJson;
        UpstreamJson = default;
        return json;
    }

    /// <summary>One plain text delta as its values; part of the chunk's equality, so two unbuilt chunks compare by them.</summary>
    private readonly record struct TextDelta(int Index, string? Role, string? Content, string? FinishReason)
    {
        public bool IsSet { get; } = true;

        public ChunkChoice ToChoice() => new()
        {
            Index = Index,
            Delta = new ChatResponseMessage { Role = Role, Content = Content },
            FinishReason = FinishReason,
        };
    }
}
