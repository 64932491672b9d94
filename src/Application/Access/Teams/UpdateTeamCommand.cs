using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/update</c>.</summary>
public sealed record UpdateTeamCommand(TeamFields Fields, CallerIdentity Caller) : ICommand<TeamInfo>;
