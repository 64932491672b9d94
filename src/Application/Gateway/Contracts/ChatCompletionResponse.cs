using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A non-streamed chat completion (<c>object: chat.completion</c>).</summary>
public sealed record ChatCompletionResponse
{
    // Settable, not init-only or C#-required, for the parser's sake: see ChatCompletionChunk.
    public ChatCompletionResponse()
    {
    }

    /// <summary>The copy <c>with</c> makes: every member but <see cref="UpstreamJson"/>, which a changed copy no longer matches.</summary>
    private ChatCompletionResponse(ChatCompletionResponse original)
    {
        Id = original.Id;
        Object = original.Object;
        Created = original.Created;
        Model = original.Model;
        Choices = original.Choices;
        Usage = original.Usage;
        SystemFingerprint = original.SystemFingerprint;
    }

    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion";

    public long Created { get; set; }

    [JsonRequired]
    public string Model { get; set; } = string.Empty;

    [JsonRequired]
    public IReadOnlyList<ChatChoice> Choices { get; set; } = [];

    public Usage? Usage { get; set; }

    public string? SystemFingerprint { get; set; }

    /// <summary>
    /// The whole JSON body an OpenAI-compatible upstream answered with (already parsed into this answer), so that an
    /// answer passed on unchanged goes out as those bytes, with every field the upstream sent, instead of being
    /// serialized again. Not part of the wire form, of equality, or of a <c>with</c> copy.
    /// </summary>
    internal byte[]? UpstreamJson { get; set; }

    public bool Equals(ChatCompletionResponse? other) =>
        other is not null
        && Id == other.Id
        && Object == other.Object
        && Created == other.Created
        && Model == other.Model
        && EqualityComparer<IReadOnlyList<ChatChoice>>.Default.Equals(Choices, other.Choices)
        && Usage == other.Usage
        && SystemFingerprint == other.SystemFingerprint;

    public override int GetHashCode() => HashCode.Combine(Id, Object, Created, Model, Choices, Usage, SystemFingerprint);
}
