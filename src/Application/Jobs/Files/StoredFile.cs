namespace LlmPlatform.Application.Jobs.Files;

/// <summary>A file's metadata row; its content is the blob named <see cref="BlobKey"/>.</summary>
public sealed record StoredFile(
    string Id,
    string Owner,
    string Filename,
    string Purpose,
    long Bytes,
    string BlobKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
