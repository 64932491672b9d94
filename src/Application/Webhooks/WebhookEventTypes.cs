namespace LlmPlatform.Application.Webhooks;

/// <summary>The events a webhook can subscribe to (seed 001, seed 002's job events, plus the alerts the gateway raises).</summary>
public static class WebhookEventTypes
{
    public const string BatchCompleted = "batch.completed";

    public const string BatchFailed = "batch.failed";

    public const string FineTuningJobCompleted = "fine_tuning.job.completed";

    public const string FineTuningJobFailed = "fine_tuning.job.failed";

    /// <summary>A SaaS job (seed 002) was completed.</summary>
    public const string JobCompleted = "job.completed";

    /// <summary>A SaaS job (seed 002) was completed as failed.</summary>
    public const string JobFailed = "job.failed";

    public const string UsageLimitReached = "usage.limit.reached";

    public const string BudgetSoftLimitCrossed = "budget.soft_limit_crossed";

    public const string KeyExpiring = "key.expiring";

    public static IReadOnlyList<string> All { get; } =
    [
        BatchCompleted, BatchFailed, FineTuningJobCompleted, FineTuningJobFailed, JobCompleted, JobFailed, UsageLimitReached,
        BudgetSoftLimitCrossed, KeyExpiring,
    ];
}
