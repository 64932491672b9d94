using System.Security.Cryptography;

namespace LlmPlatform.Application.Jobs;

/// <summary>Random identifiers in OpenAI's shapes: <c>file-...</c>, <c>batch_...</c>, <c>batch_req_...</c>.</summary>
public static class JobIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string NewFileId() => "file-" + RandomPart(24);

    public static string NewBatchId() => "batch_" + RandomPart(24);

    public static string NewBatchRequestId() => "batch_req_" + RandomPart(24);

    private static string RandomPart(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
