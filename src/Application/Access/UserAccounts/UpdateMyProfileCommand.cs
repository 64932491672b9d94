using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>PATCH /v1/users/me</c>: changes the display name of the caller's user.</summary>
public sealed record UpdateMyProfileCommand(string? DisplayName, CallerIdentity Caller) : ICommand<UserProfile>;
