namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/user/delete</c> and <c>/customer/delete</c>, <c>/customer/block</c>, <c>/customer/unblock</c>.</summary>
public sealed record UserIdsRequest
{
    public IReadOnlyList<string>? UserIds { get; init; }
}
