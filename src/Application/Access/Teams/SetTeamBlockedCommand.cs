using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/block</c> and <c>/team/unblock</c>: a blocked team's keys are refused.</summary>
public sealed record SetTeamBlockedCommand(string? TeamId, bool Blocked, CallerIdentity Caller) : ICommand<TeamInfo>;
