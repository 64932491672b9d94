using System.Text;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>
/// The files use cases. A file belongs to the creating key's owner; another owner gets 404 as if it did not exist;
/// admins see every file. Uploads stream to the blob store through the size limit and, for batch files, the JSONL
/// check; a rejected upload leaves no blob behind.
/// </summary>
internal sealed class FileHandler :
    IRequestHandler<UploadFileCommand, Result<FileObject>>,
    IRequestHandler<ListFilesQuery, Result<ListPage<FileObject>>>,
    IRequestHandler<GetFileQuery, Result<FileObject>>,
    IRequestHandler<GetFileContentQuery, Result<FileContent>>,
    IRequestHandler<DeleteFileCommand, Result<FileDeleted>>
{
    private const int MaxPurposeBytes = 256;

    private readonly IFileStore _files;
    private readonly IFileBlobStore _blobs;
    private readonly FileLimits _limits;
    private readonly TimeProvider _time;

    public FileHandler(IFileStore files, IFileBlobStore blobs, FileLimits limits, TimeProvider time)
    {
        _files = files;
        _blobs = blobs;
        _limits = limits;
        _time = time;
    }

    public async Task<Result<FileObject>> Handle(UploadFileCommand request, CancellationToken cancellationToken)
    {
        var id = JobIds.NewFileId();
        var saved = false;
        var committed = false;
        try
        {
            string? purpose = null;
            string? filename = null;
            long bytes = 0;
            BatchLineValidator? validator = null;
            while (await request.Form.NextPartAsync(cancellationToken).ConfigureAwait(false) is { } part)
            {
                if (part.Name == "purpose")
                {
                    purpose = await ReadTextAsync(part.Content, cancellationToken).ConfigureAwait(false);
                    if (purpose is null || !FilePurposes.IsUploadable(purpose))
                    {
                        return FileErrors.Invalid(
                            $"'purpose' must be one of {string.Join(", ", FilePurposes.Uploadable)}.", "purpose");
                    }
                }
                else if (part.Name == "file")
                {
                    if (saved)
                    {
                        return FileErrors.Invalid("Send exactly one 'file' part.", "file");
                    }

                    if (string.IsNullOrWhiteSpace(part.FileName))
                    {
                        return FileErrors.Invalid("'file' must be a file part with a filename.", "file");
                    }

                    filename = Path.GetFileName(part.FileName);
                    var limit = purpose is null ? _limits.Largest : _limits.LimitOf(purpose);
                    validator = purpose is null or FilePurposes.Batch ? new BatchLineValidator(_limits.BatchLineBytes) : null;
                    await using var inspection = new UploadInspectionStream(part.Content, limit, validator);
                    saved = true;
                    bytes = await _blobs.SaveAsync(id, inspection, cancellationToken).ConfigureAwait(false);
                    if (inspection.Exceeded)
                    {
                        return FileErrors.TooLarge(purpose ?? "any", limit);
                    }
                }
            }

            if (!saved || filename is null)
            {
                return FileErrors.Invalid("'file' is required (multipart/form-data).", "file");
            }

            if (purpose is null)
            {
                return FileErrors.Invalid("'purpose' is required.", "purpose");
            }

            if (bytes > _limits.LimitOf(purpose))
            {
                return FileErrors.TooLarge(purpose, _limits.LimitOf(purpose));
            }

            if (purpose == FilePurposes.Batch)
            {
                validator!.Complete();
                if (validator.Problem is { } problem)
                {
                    return FileErrors.Invalid(problem, "file");
                }
            }

            var file = new StoredFile(id, request.Caller.Owner, filename, purpose, bytes, id, _time.GetUtcNow(), null);
            await _files.InsertAsync(file, cancellationToken).ConfigureAwait(false);
            committed = true;
            return FileObject.From(file);
        }
        finally
        {
            if (saved && !committed)
            {
                await _blobs.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<Result<ListPage<FileObject>>> Handle(ListFilesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? 10_000;
        var rows = await _files.ListAsync(request.Caller.OwnerFilter, request.Purpose, request.After, limit + 1, cancellationToken)
            .ConfigureAwait(false);
        return ListPage<FileObject>.Of(rows, limit, r => r.Id, FileObject.From);
    }

    public async Task<Result<FileObject>> Handle(GetFileQuery request, CancellationToken cancellationToken) =>
        await _files.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false) is { } file
            ? FileObject.From(file)
            : FileErrors.NotFound(request.Id);

    public async Task<Result<FileContent>> Handle(GetFileContentQuery request, CancellationToken cancellationToken)
    {
        var file = await _files.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        return file is not null && _blobs.OpenRead(file.BlobKey) is { } content
            ? new FileContent(content, file.Filename, file.Bytes)
            : FileErrors.NotFound(request.Id);
    }

    public async Task<Result<FileDeleted>> Handle(DeleteFileCommand request, CancellationToken cancellationToken)
    {
        var file = await _files.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (file is null || !await _files.DeleteAsync(file.Id, cancellationToken).ConfigureAwait(false))
        {
            return FileErrors.NotFound(request.Id);
        }

        await _blobs.DeleteAsync(file.BlobKey, cancellationToken).ConfigureAwait(false);
        return new FileDeleted(file.Id);
    }

    private static async Task<string?> ReadTextAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxPurposeBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxPurposeBytes ? null : Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }
}
