namespace LlmPlatform.Application.Jobs.Files;

/// <summary>Where files' content lives (a local directory by default). Reads and writes stream; nothing is held whole.</summary>
public interface IFileBlobStore
{
    /// <summary>Copies the stream into a new blob and returns its size; the blob appears only once it is complete.</summary>
    Task<long> SaveAsync(string blobKey, Stream content, CancellationToken cancellationToken);

    /// <summary>The blob's content, or null when it does not exist.</summary>
    Stream? OpenRead(string blobKey);

    Task DeleteAsync(string blobKey, CancellationToken cancellationToken);
}
