using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/member/delete</c> with <c>{team_id, user_id}</c>.</summary>
public sealed record RemoveTeamMemberCommand(string? TeamId, string? UserId, CallerIdentity Caller) : ICommand<TeamInfo>;
