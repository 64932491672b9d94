namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>POST /v1/users/invites</c>: the only time the invite token itself is shown.</summary>
public sealed record InviteCreated(string InviteId, string InviteToken, string? Email, DateTimeOffset ExpiresAt);
