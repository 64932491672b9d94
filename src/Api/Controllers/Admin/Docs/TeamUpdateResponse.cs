using System.Diagnostics.CodeAnalysis;
using LlmPlatform.Application.Access.Teams;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>
/// The answer to <c>/team/update</c>: the team itself (seed 000 answers a Team), and the same team under
/// <c>data</c>, where LiteLLM's clients read it.
/// </summary>
public sealed record TeamUpdateResponse : TeamInfo
{
    [SetsRequiredMembers]
    public TeamUpdateResponse(TeamInfo team)
        : base(team)
    {
        Data = team;
    }

    public TeamInfo Data { get; }
}
