using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>POST /v1/users/login</c>: a new day-long key of the user whose e-mail and password these are.</summary>
public sealed record LoginUserCommand(string? Email, string? Password) : ICommand<UserSession>;
