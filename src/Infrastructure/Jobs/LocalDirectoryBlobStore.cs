using LlmPlatform.Application.Jobs.Files;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Blobs as files in one directory. A blob is written under a temporary name and renamed when complete, so a reader
/// never sees half a file; keys are ids we generate, checked to be plain file names.
/// </summary>
internal sealed class LocalDirectoryBlobStore : IFileBlobStore
{
    private const int BufferSize = 81920;
    private readonly string _directory;

    public LocalDirectoryBlobStore(string directory)
    {
        _directory = directory;
    }

    public async Task<long> SaveAsync(string blobKey, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var path = PathOf(blobKey);
        var partial = path + ".partial";
        try
        {
            long length;
            var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                await content.CopyToAsync(target, BufferSize, cancellationToken).ConfigureAwait(false);
                length = target.Length;
            }

            File.Move(partial, path, overwrite: true);
            return length;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Stream? OpenRead(string blobKey)
    {
        try
        {
            return new FileStream(PathOf(blobKey), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string blobKey, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(blobKey));
        File.Delete(PathOf(blobKey) + ".partial");
        return Task.CompletedTask;
    }

    private string PathOf(string blobKey)
    {
        if (blobKey.Length == 0 || blobKey != Path.GetFileName(blobKey) || blobKey.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("A blob key is a plain file name.", nameof(blobKey));
        }

        return Path.Combine(_directory, blobKey);
    }
}
