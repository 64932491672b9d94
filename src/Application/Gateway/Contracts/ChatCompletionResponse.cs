using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A non-streamed chat completion (<c>object: chat.completion</c>).</summary>
public sealed record ChatCompletionResponse
{
    private UpstreamBytes<ArraySegment<byte>> _upstreamJson;
    private DeferredChoices? _deferredChoices;

    // Settable, not init-only or C#-required, for the parser's sake: see ChatCompletionChunk.
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion";

    public long Created { get; set; }

    [JsonRequired]
    public string Model { get; set; } = string.Empty;

    /// <summary>
    /// Never null: an upstream that sends <c>"choices": null</c> sent no choices. Built on first read when the
    /// upstream's bytes were checked but not built (<see cref="DeferChoices"/>).
    /// </summary>
    [JsonRequired]
    public IReadOnlyList<ChatChoice> Choices
    {
        get
        {
            if (_deferredChoices is { } deferred)
            {
                field = deferred.Build();
                _deferredChoices = null;
            }

            return field;
        }

        set
        {
            field = value ?? [];
            _deferredChoices = null;
        }
    } = [];

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

    /// <summary>
    /// Hands over <see cref="UpstreamJson"/> (empty when there is none) and forgets it. Choices not built by then
    /// cannot be any more (the bytes go back to their pool): reading them afterwards, here or in a copy, throws.
    /// </summary>
    internal ArraySegment<byte> TakeUpstreamJson()
    {
        var json = UpstreamJson;
        UpstreamJson = default;
        _deferredChoices?.Release();
        return json;
    }

    /// <summary>Sets choices that are built from the upstream's (checked) bytes when first read.</summary>
    internal void DeferChoices(ReadOnlyMemory<byte> json, Func<ReadOnlyMemory<byte>, IReadOnlyList<ChatChoice>> read) =>
        _deferredChoices = new DeferredChoices(json, read);
}
