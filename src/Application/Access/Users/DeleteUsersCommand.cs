using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Users;

/// <summary><c>POST /user/delete</c> with <c>{"user_ids": [...]}</c>.</summary>
public sealed record DeleteUsersCommand(IReadOnlyList<string>? UserIds, CallerIdentity Caller) : ICommand<IReadOnlyList<string>>;
