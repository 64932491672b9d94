using System.Globalization;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Limits failed logins per e-mail and per client address, and registrations per client address, in the limit
/// counters (Redis when configured, so the limits hold across nodes). Every attempt is counted up front, atomically,
/// so that a thousand parallel guesses get exactly the limit through; a login that succeeds is taken off again. A
/// refused attempt costs no password hash, which is what makes guessing (or flooding the registration with hashes
/// to compute) expensive for the sender and not for the gateway.
/// </summary>
public sealed class AccountThrottle
{
    private readonly ILimitStore _limits;
    private readonly UserAccountSettings _settings;
    private readonly TimeProvider _time;

    public AccountThrottle(ILimitStore limits, PlatformConfiguration configuration, TimeProvider time)
    {
        _limits = limits;
        _settings = configuration.General.Accounts;
        _time = time;
    }

    /// <summary>Counts a login attempt; returns the attempt's counters, or the 429 when one of them is at its limit.</summary>
    public ValueTask<Result<IReadOnlyList<LimitCheck>>> LoginAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var window = Window.Now(_settings.LockoutWindow, _time);
        var checks = new List<LimitCheck>(2);
        if (_settings.MaxFailuresPerEmail > 0)
        {
            checks.Add(window.Check("login:e:" + KeySecret.Hash(email.ToLowerInvariant()), _settings.MaxFailuresPerEmail, "email"));
        }

        if (_settings.MaxFailuresPerIp > 0 && clientAddress is { Length: > 0 })
        {
            checks.Add(window.Check("login:ip:" + clientAddress, _settings.MaxFailuresPerIp, "address"));
        }

        return AdmitAsync(checks, window, "too_many_login_failures", "failed logins", cancellationToken);
    }

    /// <summary>Counts a registration attempt from the address; the 429 when the address is at its limit.</summary>
    public async ValueTask<Error?> RegistrationAsync(string? clientAddress, CancellationToken cancellationToken)
    {
        if (_settings.MaxRegistrationsPerIp <= 0 || clientAddress is not { Length: > 0 })
        {
            return null;
        }

        var window = Window.Now(_settings.LockoutWindow, _time);
        var admitted = await AdmitAsync([window.Check("register:ip:" + clientAddress, _settings.MaxRegistrationsPerIp, "address")], window, "too_many_registrations", "registrations", cancellationToken).ConfigureAwait(false);
        return admitted.Error;
    }

    private async ValueTask<Result<IReadOnlyList<LimitCheck>>> AdmitAsync(List<LimitCheck> checks, Window window, string code, string what, CancellationToken cancellationToken)
    {
        if (checks.Count == 0)
        {
            return checks;
        }

        var decision = await _limits.TryAdmitAsync(checks, cancellationToken).ConfigureAwait(false);
        if (decision.Admitted)
        {
            return checks;
        }

        var retryAfter = window.ResetAt - _time.GetUtcNow();
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return new Error(ErrorKind.RateLimited, code, $"Too many {what} for this {checks[decision.RefusedAt].Scope}; try again in {minutes} minute(s).")
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

    /// <summary>The current fixed window (a second at least): the counters' keys name it, so each window counts from zero.</summary>
    private readonly record struct Window(long Index, TimeSpan Length, DateTimeOffset ResetAt)
    {
        public static Window Now(TimeSpan length, TimeProvider time)
        {
            var milliseconds = Math.Max(1000, (long)length.TotalMilliseconds);
            var index = time.GetUtcNow().ToUnixTimeMilliseconds() / milliseconds;
            return new Window(index, TimeSpan.FromMilliseconds(milliseconds), DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * milliseconds));
        }

        public LimitCheck Check(string counter, int limit, string scope) =>
            new(counter + ":" + Index.ToString(CultureInfo.InvariantCulture), LimitKind.Requests, limit, 1, 0, Length) { Scope = scope, ResetAt = ResetAt };
    }
}
