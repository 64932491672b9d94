namespace LlmPlatform.Application.Access.Keys;

/// <summary>The answer to <c>/key/generate</c> and <c>/key/regenerate</c>: the only time the key itself is shown.</summary>
public sealed record GeneratedKey
{
    public required string Key { get; init; }

    public required KeyInfo Info { get; init; }
}
