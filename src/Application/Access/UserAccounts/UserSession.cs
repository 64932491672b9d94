namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of register and login: a key of the user that lasts a day (shown this once), and the user.</summary>
public sealed record UserSession(string Token, UserProfile User);
