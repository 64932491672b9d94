namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/customer/unblock</c>.</summary>
public sealed record CustomerUnblockResponse
{
    public required IReadOnlyList<string> UnblockedUsers { get; init; }
}
