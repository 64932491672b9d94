namespace LlmPlatform.Application.Access.Authentication;

/// <summary>The user roles, with LiteLLM's names.</summary>
public static class Roles
{
    public const string ProxyAdmin = "proxy_admin";
    public const string ProxyAdminViewer = "proxy_admin_viewer";
    public const string InternalUser = "internal_user";
    public const string InternalUserViewer = "internal_user_viewer";
}
