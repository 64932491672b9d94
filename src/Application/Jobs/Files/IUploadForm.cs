namespace LlmPlatform.Application.Jobs.Files;

/// <summary>A multipart form read part by part, so a file part streams instead of being buffered.</summary>
public interface IUploadForm
{
    /// <summary>The next part, or null at the end; the previous part's unread content is skipped.</summary>
    Task<UploadPart?> NextPartAsync(CancellationToken cancellationToken);
}
