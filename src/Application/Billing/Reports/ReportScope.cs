using LlmPlatform.Application.Access.Authentication;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// What part of the ledger a caller may see in a report. Admins and admin viewers (<see cref="CallerIdentity.ReadsEverything"/>)
/// see everything; any other key sees only the rows of its own key, of its own user (when the key belongs to one) and of
/// its own team (when the key belongs to one). A filter a caller sends narrows this further, never widens it.
/// </summary>
public sealed record ReportScope
{
    public bool Everything { get; init; }

    public string KeyHash { get; init; } = string.Empty;

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public static ReportScope For(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.ReadsEverything
            ? new ReportScope { Everything = true, KeyHash = caller.KeyHash }
            : new ReportScope
            {
                KeyHash = caller.KeyHash,
                UserId = string.IsNullOrEmpty(caller.UserId) ? null : caller.UserId,
                TeamId = string.IsNullOrEmpty(caller.TeamId) ? null : caller.TeamId,
            };
    }
}
