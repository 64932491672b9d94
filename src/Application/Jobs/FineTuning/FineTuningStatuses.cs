namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>A fine-tuning job's statuses (OpenAI's).</summary>
public static class FineTuningStatuses
{
    public const string ValidatingFiles = "validating_files";

    public const string Queued = "queued";

    public const string Running = "running";

    public const string Succeeded = "succeeded";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string status) => status is Succeeded or Failed or Cancelled;
}
