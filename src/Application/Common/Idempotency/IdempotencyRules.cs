namespace LlmPlatform.Application.Common.Idempotency;

/// <summary>How long answers are kept, and when a first request that never finished is given up.</summary>
public static class IdempotencyRules
{
    /// <summary>A retry with the same key within this time gets the same answer.</summary>
    public static TimeSpan Retention { get; } = TimeSpan.FromHours(24);

    /// <summary>A claim whose request never finished (its node stopped) frees the key after this long.</summary>
    public static TimeSpan Abandoned { get; } = TimeSpan.FromMinutes(10);

    public const int MaxKeyLength = 255;
}
