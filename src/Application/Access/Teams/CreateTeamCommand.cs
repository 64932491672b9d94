using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/new</c>.</summary>
public sealed record CreateTeamCommand(TeamFields Fields, CallerIdentity Caller) : ICommand<TeamInfo>;
