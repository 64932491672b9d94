using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>POST /v1/users/register</c>: a new user with an e-mail login, logged in at once.</summary>
public sealed record RegisterUserCommand(string? Email, string? Password, string? InviteToken, string? DisplayName) : ICommand<UserSession>;
