namespace LlmPlatform.Application.Jobs.Files;

/// <summary>The purposes a file may be uploaded with, their default size limits, and the purpose of batch results.</summary>
public static class FilePurposes
{
    public const string Batch = "batch";

    public const string FineTune = "fine-tune";

    /// <summary>Not uploadable: the purpose of the output and error files a batch writes.</summary>
    public const string BatchOutput = "batch_output";

    public const long Megabyte = 1024L * 1024L;

    /// <summary>OpenAI's limit for one file.</summary>
    public const long DefaultMaxBytes = 512 * Megabyte;

    /// <summary>OpenAI's limit for a batch input file.</summary>
    public const long DefaultBatchMaxBytes = 200 * Megabyte;

    public static IReadOnlyList<string> Uploadable { get; } = [Batch, FineTune, "assistants", "vision", "user_data", "evals"];

    public static bool IsUploadable(string purpose) => Uploadable.Contains(purpose, StringComparer.Ordinal);

    public static long DefaultLimit(string purpose) => purpose == Batch ? DefaultBatchMaxBytes : DefaultMaxBytes;
}
