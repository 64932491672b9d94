using System.Globalization;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Limits failed logins per e-mail and per client address, in the limit counters (Redis when configured, so the
/// limit holds across nodes). Every attempt is counted up front, atomically, so that a thousand parallel guesses
/// get exactly the limit through; a login that succeeds is taken off again. A refused attempt costs no password
/// hash, which is what makes guessing expensive for the guesser and not for the gateway.
/// </summary>
public sealed class LoginThrottle
{
    private readonly ILimitStore _limits;
    private readonly UserAccountSettings _settings;
    private readonly TimeProvider _time;

    public LoginThrottle(ILimitStore limits, PlatformConfiguration configuration, TimeProvider time)
    {
        _limits = limits;
        _settings = configuration.General.Accounts;
        _time = time;
    }

    /// <summary>Counts an attempt; returns the attempt's counters, or the 429 when one of them is at its limit.</summary>
    public async ValueTask<Result<IReadOnlyList<LimitCheck>>> AttemptAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var window = _settings.LockoutWindow;
        var now = _time.GetUtcNow();
        var index = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var resetAt = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * (long)window.TotalMilliseconds);
        var suffix = ":" + index.ToString(CultureInfo.InvariantCulture);
        var checks = new List<LimitCheck>(2);
        if (_settings.MaxFailuresPerEmail > 0)
        {
            var counter = "login:e:" + KeySecret.Hash(email.ToLowerInvariant()) + suffix;
            checks.Add(new LimitCheck(counter, LimitKind.Requests, _settings.MaxFailuresPerEmail, 1, 0, window) { Scope = "email", ResetAt = resetAt });
        }

        if (_settings.MaxFailuresPerIp > 0 && clientAddress is { Length: > 0 })
        {
            checks.Add(new LimitCheck("login:ip:" + clientAddress + suffix, LimitKind.Requests, _settings.MaxFailuresPerIp, 1, 0, window) { Scope = "address", ResetAt = resetAt });
        }

        if (checks.Count == 0)
        {
            return checks;
        }

        var decision = await _limits.TryAdmitAsync(checks, cancellationToken).ConfigureAwait(false);
        if (decision.Admitted)
        {
            return checks;
        }

        var retryAfter = resetAt - now;
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return new Error(
            ErrorKind.RateLimited,
            "too_many_login_failures",
            $"Too many failed logins for this {checks[decision.RefusedAt].Scope}; try again in {minutes} minute(s).")
        {
            RetryAfter = retryAfter,
        };
    }

    /// <summary>Takes a successful login's attempt off its counters: only failures count.</summary>
    public async ValueTask SucceededAsync(IReadOnlyList<LimitCheck> attempt, CancellationToken cancellationToken)
    {
        if (attempt.Count == 0)
        {
            return;
        }

        var refunds = new LimitAdjustment[attempt.Count];
        for (var i = 0; i < attempt.Count; i++)
        {
            refunds[i] = new LimitAdjustment(attempt[i].Key, attempt[i].Kind, -attempt[i].Amount, attempt[i].Ttl);
        }

        await _limits.SettleAsync(refunds, cancellationToken).ConfigureAwait(false);
    }
}
