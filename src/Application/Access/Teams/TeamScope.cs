using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>
/// Who may act for a team on the SaaS dialect: an admin for any team; a key for its own team, while the team is not
/// suspended (blocked).
/// </summary>
public static class TeamScope
{
    public static Error Suspended { get; } = Error.Forbidden("Team access is suspended. Please contact support.");

    /// <summary>The team a request means: the one it names, else the key's own; null when neither says.</summary>
    public static string? TeamOf(CallerIdentity caller, string? named) => named is { Length: > 0 } ? named : caller.TeamId;

    /// <summary>Null when the caller may act for the team; otherwise the refusal (<paramref name="refusal"/> for another team's).</summary>
    public static Error? Check(CallerIdentity caller, string teamId, string refusal)
    {
        if (caller.IsAdmin)
        {
            return null;
        }

        if (!string.Equals(caller.TeamId, teamId, StringComparison.Ordinal))
        {
            return Error.Forbidden(refusal);
        }

        return caller.TeamBlocked ? Suspended : null;
    }
}
