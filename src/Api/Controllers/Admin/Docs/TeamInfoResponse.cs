using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Teams;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/team/info</c>.</summary>
public sealed record TeamInfoResponse
{
    public required string TeamId { get; init; }

    public required TeamInfo TeamInfo { get; init; }

    public required IReadOnlyList<KeyInfo> Keys { get; init; }
}
