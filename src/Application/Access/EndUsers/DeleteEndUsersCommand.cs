using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>POST /customer/delete</c> with <c>{"user_ids": [...]}</c>.</summary>
public sealed record DeleteEndUsersCommand(IReadOnlyList<string>? UserIds, CallerIdentity Caller) : ICommand<IReadOnlyList<string>>;
