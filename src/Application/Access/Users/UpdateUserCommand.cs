using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Users;

/// <summary><c>POST /user/update</c>.</summary>
public sealed record UpdateUserCommand(UserFields Fields, CallerIdentity Caller) : ICommand<UserInfo>;
