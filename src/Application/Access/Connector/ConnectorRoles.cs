namespace LlmPlatform.Application.Access.Connector;

/// <summary>The Connector's two roles: an <c>admin</c> key is a <c>proxy_admin</c> user's key, a <c>user</c> key an internal user's.</summary>
public static class ConnectorRoles
{
    public const string Admin = "admin";

    public const string User = "user";

    public static bool IsKnown(string? role) => role is Admin or User;

    public static string ToUserRole(string? role) =>
        role == Admin ? Authentication.Roles.ProxyAdmin : Authentication.Roles.InternalUser;
}
