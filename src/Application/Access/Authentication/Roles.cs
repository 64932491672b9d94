namespace LlmPlatform.Application.Access.Authentication;

/// <summary>The user roles, with LiteLLM's names, and the roles of a team or organization member.</summary>
public static class Roles
{
    public const string ProxyAdmin = "proxy_admin";
    public const string ProxyAdminViewer = "proxy_admin_viewer";
    public const string InternalUser = "internal_user";
    public const string InternalUserViewer = "internal_user_viewer";

    /// <summary>An organization member who administers the organization.</summary>
    public const string OrganizationAdmin = "org_admin";

    /// <summary>A team member who administers the team.</summary>
    public const string TeamAdmin = "admin";

    /// <summary>An ordinary team member.</summary>
    public const string TeamMember = "user";

    public static bool IsUserRole(string? role) =>
        role is ProxyAdmin or ProxyAdminViewer or InternalUser or InternalUserViewer;

    /// <summary>Ranks the user roles so that nobody can hand out more than they hold.</summary>
    public static int Rank(string role) => role switch
    {
        ProxyAdmin => 4,
        ProxyAdminViewer => 3,
        InternalUser => 2,
        InternalUserViewer => 1,
        _ => 0,
    };
}
