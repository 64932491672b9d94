using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>POST /customer/block</c> and <c>/customer/unblock</c> with <c>{"user_ids": [...]}</c>.</summary>
public sealed record SetEndUsersBlockedCommand(IReadOnlyList<string>? UserIds, bool Blocked, CallerIdentity Caller)
    : ICommand<IReadOnlyList<string>>;
