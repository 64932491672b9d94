namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/customer/block</c>.</summary>
public sealed record CustomerBlockResponse
{
    public required IReadOnlyList<string> BlockedUsers { get; init; }
}
