using LlmPlatform.Application.Access.Teams;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/team/update</c>.</summary>
public sealed record TeamUpdateResponse
{
    public required string TeamId { get; init; }

    public required TeamInfo Data { get; init; }
}
