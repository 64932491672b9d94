namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>A user as the gateway-user dialect shows it (<c>/v1/users/me</c>, and in a login's answer).</summary>
public sealed record UserProfile
{
    public required string Id { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string Role { get; init; } = Authentication.Roles.InternalUser;

    public DateTimeOffset CreatedAt { get; init; }

    public static UserProfile Of(Users.UserInfo user) => new()
    {
        Id = user.UserId,
        Email = user.UserEmail,
        DisplayName = user.UserAlias,
        Role = user.UserRole,
        CreatedAt = user.CreatedAt,
    };
}
