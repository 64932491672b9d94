using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/member/add</c> with <c>{team_id, member: {user_id, role}}</c> (or a list of members).</summary>
public sealed record AddTeamMembersCommand(string? TeamId, IReadOnlyList<TeamMember>? Members, CallerIdentity Caller) : ICommand<TeamInfo>;
