using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Users;

/// <summary><c>POST /user/new</c>: a user and, unless told otherwise, a first key for it.</summary>
public sealed record CreateUserCommand(UserFields Fields, CallerIdentity Caller) : ICommand<CreatedUser>;
