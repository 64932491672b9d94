using LlmPlatform.Application.Access.Keys;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The answer to <c>/team/info</c>: the team and its keys.</summary>
public sealed record TeamDetails(TeamInfo Team, IReadOnlyList<KeyInfo> Keys);
