namespace LlmPlatform.Application.Configuration;

/// <summary>
/// The <c>general_settings</c> keys of the gateway-user dialect's accounts: who may register, and how many failed
/// logins (per e-mail or client address) and registrations (per address) go through before the sender must wait.
/// </summary>
public sealed record UserAccountSettings
{
    /// <summary><c>invite_required</c>: registration needs an unused invite from <c>POST /v1/users/invites</c>.</summary>
    public bool InviteRequired { get; init; }

    /// <summary><c>login_max_failures_per_email</c>: failed logins of one e-mail per window before it gets 429 (0: no limit).</summary>
    public int MaxFailuresPerEmail { get; init; } = 10;

    /// <summary><c>login_max_failures_per_ip</c>: failed logins from one client address per window before it gets 429 (0: no limit).</summary>
    /// <remarks>
    /// One address may stand for many people (an office's NAT, a proxy not listed in <c>trusted_proxies</c>), so the
    /// default is high: the per-e-mail limit is what stops guessing one account's password.
    /// </remarks>
    public int MaxFailuresPerIp { get; init; } = 500;

    /// <summary><c>register_max_per_ip</c>: registrations from one client address per window before it gets 429 (0: no limit).</summary>
    public int MaxRegistrationsPerIp { get; init; } = 1000;

    /// <summary><c>login_lockout_seconds</c>: the window failed logins and registrations are counted in (default 15 minutes).</summary>
    public TimeSpan LockoutWindow { get; init; } = TimeSpan.FromMinutes(15);
}
