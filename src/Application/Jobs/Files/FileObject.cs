using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>OpenAI's file object.</summary>
public sealed record FileObject
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    public string Object => "file";

    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }

    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    [JsonPropertyName("filename")]
    public required string Filename { get; init; }

    [JsonPropertyName("purpose")]
    public required string Purpose { get; init; }

    [JsonPropertyName("status")]
    public string Status => "processed";

    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    public static FileObject From(StoredFile file) => new()
    {
        Id = file.Id,
        Bytes = file.Bytes,
        CreatedAt = file.CreatedAt.ToUnixTimeSeconds(),
        Filename = file.Filename,
        Purpose = file.Purpose,
        ExpiresAt = file.ExpiresAt?.ToUnixTimeSeconds(),
    };
}
