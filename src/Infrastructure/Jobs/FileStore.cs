using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>Files' metadata in the <c>files</c> table.</summary>
internal sealed class FileStore : IFileStore
{
    private const string Columns = """
        file_id AS Id, owner AS Owner, filename AS Filename, purpose AS Purpose, bytes AS Bytes, blob_key AS BlobKey,
        created_at AS CreatedAt, expires_at AS ExpiresAt
        """;

    private const string InsertSql = """
        INSERT INTO files (file_id, owner, filename, purpose, bytes, blob_key, created_at, expires_at)
        VALUES (@Id, @Owner, @Filename, @Purpose, @Bytes, @BlobKey, @CreatedAt, @ExpiresAt)
        """;

    private const string GetSql = "SELECT " + Columns + " FROM files WHERE file_id = @id AND (@owner::text IS NULL OR owner = @owner)";

    private const string ListSql = "SELECT " + Columns + """
         FROM files
        WHERE (@owner::text IS NULL OR owner = @owner)
          AND (@purpose::text IS NULL OR purpose = @purpose)
          AND (@after::text IS NULL OR (created_at, file_id) < (SELECT a.created_at, a.file_id FROM files a WHERE a.file_id = @after))
        ORDER BY created_at DESC, file_id DESC
        LIMIT @take
        """;

    private const string DeleteSql = "DELETE FROM files WHERE file_id = @id";

    private readonly NpgsqlDataSource _dataSource;

    public FileStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public Task InsertAsync(StoredFile file, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(InsertSql, file, cancellationToken);

    public async Task<StoredFile?> GetAsync(string id, string? owner, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<FileRow>(GetSql, new { id, owner }, cancellationToken).ConfigureAwait(false))?.ToFile();

    public async Task<IReadOnlyList<StoredFile>> ListAsync(string? owner, string? purpose, string? after, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<FileRow>(ListSql, new { owner, purpose, after, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToFile())
            .ToList();

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(DeleteSql, new { id }, cancellationToken).ConfigureAwait(false) > 0;

    private sealed record FileRow(string Id, string Owner, string Filename, string Purpose, long Bytes, string BlobKey, DateTime CreatedAt, DateTime? ExpiresAt)
    {
        public StoredFile ToFile() => new(Id, Owner, Filename, Purpose, Bytes, BlobKey, Utc.Of(CreatedAt), Utc.Of(ExpiresAt));
    }
}
