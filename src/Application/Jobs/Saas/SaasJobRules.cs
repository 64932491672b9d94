using System.Text.Json;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>The limits a job's input keeps to.</summary>
internal static class SaasJobRules
{
    /// <summary>A job's metadata, as JSON, stays within 10 KB.</summary>
    public const int MaxMetadataBytes = 10 * 1024;

    public const string MetadataTooLarge = "'metadata' must be at most 10 KB of JSON.";

    public static bool FitsMetadata(IReadOnlyDictionary<string, JsonElement>? metadata) =>
        metadata is null || JsonSerializer.SerializeToUtf8Bytes(metadata).Length <= MaxMetadataBytes;
}
