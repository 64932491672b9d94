using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Common.Authorization;

/// <summary>Who may use the administration endpoints: admins change, admins and admin viewers read.</summary>
public static class AdminGuard
{
    /// <summary>Null when the caller may change configuration, else the 403 to return.</summary>
    public static Error? MayWrite(CallerIdentity caller) =>
        caller.IsAdmin ? null : Error.Forbidden("Only the master key or a proxy_admin may change this.");

    /// <summary>Null when the caller may read configuration, else the 403 to return.</summary>
    public static Error? MayRead(CallerIdentity caller) =>
        caller.IsAdmin || caller.Role == Roles.ProxyAdminViewer
            ? null
            : Error.Forbidden("Only the master key, a proxy_admin or a proxy_admin_viewer may read this.");
}
