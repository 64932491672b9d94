namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>A user's e-mail login: the e-mail and a salted hash of the password, never the password.</summary>
public sealed record UserLogin(string UserId, string Email, string PasswordHash, DateTimeOffset CreatedAt);
