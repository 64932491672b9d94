namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>An invite to register: the SHA-256 of its token, the e-mail it is for (or any), who made it and until when.</summary>
public sealed record UserInvite(string InviteId, string TokenHash, string? Email, string? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
