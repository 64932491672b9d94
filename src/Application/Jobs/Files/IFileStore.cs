namespace LlmPlatform.Application.Jobs.Files;

/// <summary>Files' metadata in PostgreSQL.</summary>
public interface IFileStore
{
    Task InsertAsync(StoredFile file, CancellationToken cancellationToken);

    /// <summary>The file, when it exists and <paramref name="owner"/> (null: any owner) owns it.</summary>
    Task<StoredFile?> GetAsync(string id, string? owner, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="after"/> is the last id of the previous page. Returns up to <paramref name="take"/> rows.</summary>
    Task<IReadOnlyList<StoredFile>> ListAsync(string? owner, string? purpose, string? after, int take, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
