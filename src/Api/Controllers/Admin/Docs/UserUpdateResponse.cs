using LlmPlatform.Application.Access.Users;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/user/update</c>.</summary>
public sealed record UserUpdateResponse
{
    public required string UserId { get; init; }

    public required UserInfo Data { get; init; }
}
