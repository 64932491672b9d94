using LlmPlatform.Application.Access.Keys;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/key/info</c>.</summary>
public sealed record KeyInfoResponse
{
    /// <summary>The key's hash, as <c>info.token</c>.</summary>
    public required string Key { get; init; }

    public required KeyInfo Info { get; init; }
}
