using System.Text.Json;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job's metadata after a merge.</summary>
public sealed record SaasJobMetadata(Guid JobId, Dictionary<string, JsonElement> Metadata, DateTimeOffset UpdatedAt);
