namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>OpenAI's batch statuses: validating, in_progress, finalizing, completed; or failed, cancelling, cancelled, expired.</summary>
public static class BatchStatuses
{
    public const string Validating = "validating";

    public const string InProgress = "in_progress";

    public const string Finalizing = "finalizing";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Cancelling = "cancelling";

    public const string Cancelled = "cancelled";

    public const string Expired = "expired";

    /// <summary>The statuses the executor still has work for.</summary>
    public static IReadOnlyList<string> Active { get; } = [Validating, InProgress, Finalizing, Cancelling];

    public static bool IsCancellable(string status) => status is Validating or InProgress;
}
