namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/key/block</c> and <c>/key/unblock</c>.</summary>
public sealed record KeyReference
{
    /// <summary>The key itself or its hash (<c>token</c>).</summary>
    public string? Key { get; init; }
}
