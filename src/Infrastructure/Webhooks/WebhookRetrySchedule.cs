using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 1, 3, 6, 30, 90 and then 360 times the base delay (10 s gives 10 s, 30 s,
/// 1 min, 5 min, 15 min, then hourly), each with +/-20 % jitter, until the retry window (24 h after the first attempt) ends.
/// </summary>
internal sealed class WebhookRetrySchedule
{
    private static readonly int[] Factors = [1, 3, 6, 30, 90, 360];

    private readonly TimeSpan _base;

    public WebhookRetrySchedule(PlatformConfiguration configuration)
    {
        _base = configuration.General.Webhooks.RetryBaseDelay;
        Window = configuration.General.Webhooks.RetryWindow;
    }

    public TimeSpan Window { get; }

    /// <summary>The delay after the given attempt (1 for the first) failed.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var factor = Factors[Math.Clamp(attempt - 1, 0, Factors.Length - 1)];
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return _base * factor * jitter;
    }

    /// <summary>How often the worker looks for due deliveries: every second, or faster with a short base delay.</summary>
    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(Math.Clamp(_base.TotalMilliseconds, 50, 1000));
}
