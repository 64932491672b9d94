using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>POST /team/delete</c> with <c>{"team_ids": [...]}</c>; the teams' keys go with them.</summary>
public sealed record DeleteTeamsCommand(IReadOnlyList<string>? TeamIds, CallerIdentity Caller) : ICommand<IReadOnlyList<string>>;
