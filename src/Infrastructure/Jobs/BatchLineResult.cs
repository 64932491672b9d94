namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>A finished line: its answer (status code and body) or its error (code and message).</summary>
internal sealed record BatchLineResult(int LineNo, string RequestId, string CustomId, string Status, int? StatusCode, string? Response, string? ErrorCode, string? ErrorMessage)
{
    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Pending = "pending";
}
