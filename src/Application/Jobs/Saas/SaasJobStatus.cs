namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job's life: pending until its first call, in progress, then completed or failed.</summary>
public static class SaasJobStatus
{
    public const string Pending = "pending";

    public const string InProgress = "in_progress";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Completed or Failed;
}
