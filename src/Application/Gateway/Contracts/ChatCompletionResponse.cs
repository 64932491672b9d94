using System.Diagnostics.CodeAnalysis;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A non-streamed chat completion (<c>object: chat.completion</c>).</summary>
public sealed record ChatCompletionResponse
{
    public ChatCompletionResponse()
    {
    }

    /// <summary>The copy <c>with</c> makes: every member but <see cref="UpstreamJson"/>, which a changed copy no longer matches.</summary>
    [SetsRequiredMembers]
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

    public required string Id { get; init; }

    public string Object { get; init; } = "chat.completion";

    public long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<ChatChoice> Choices { get; init; }

    public Usage? Usage { get; init; }

    public string? SystemFingerprint { get; init; }

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
