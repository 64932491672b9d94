using System.Security.Cryptography;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>Identifiers of the fine-tuning module in OpenAI's shape: <c>ftjob-...</c>.</summary>
public static class FineTuningIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string NewJobId() => "ftjob-" + RandomNumberGenerator.GetString(Alphabet, 24);

    /// <summary>The catalog id of the deployment registered for a job's fine-tuned model.</summary>
    public static string DeploymentIdOf(string jobId) => "fine-tuned-" + jobId;
}
