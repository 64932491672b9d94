using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>
/// The batch use cases. A batch belongs to the creating key's owner and remembers the key (by hash) so the executor
/// runs every line as that key; other owners get 404, admins see every batch.
/// </summary>
internal sealed class BatchHandler :
    IRequestHandler<CreateBatchCommand, Result<BatchObject>>,
    IRequestHandler<GetBatchQuery, Result<BatchObject>>,
    IRequestHandler<ListBatchesQuery, Result<ListPage<BatchObject>>>,
    IRequestHandler<CancelBatchCommand, Result<BatchObject>>
{
    private static readonly TimeSpan CompletionWindow = TimeSpan.FromHours(24);

    private readonly IBatchStore _batches;
    private readonly IFileStore _files;
    private readonly TimeProvider _time;

    public BatchHandler(IBatchStore batches, IFileStore files, TimeProvider time)
    {
        _batches = batches;
        _files = files;
        _time = time;
    }

    public async Task<Result<BatchObject>> Handle(CreateBatchCommand request, CancellationToken cancellationToken)
    {
        var file = await _files.GetAsync(request.InputFileId!, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return Error.NotFound("not_found", $"No such File object: {request.InputFileId}");
        }

        if (file.Purpose != FilePurposes.Batch)
        {
            return Error.Validation($"The file {file.Id} has purpose '{file.Purpose}'; a batch needs a file uploaded with purpose 'batch'.", "input_file_id");
        }

        var now = _time.GetUtcNow();
        var batch = new StoredBatch
        {
            Id = JobIds.NewBatchId(),
            Owner = request.Caller.Owner,
            KeyHash = request.Caller.KeyHash,
            Endpoint = request.Endpoint!,
            InputFileId = file.Id,
            CompletionWindow = request.CompletionWindow!,
            Status = BatchStatuses.Validating,
            Metadata = request.Metadata,
            CreatedAt = now,
            ExpiresAt = now + CompletionWindow,
        };
        await _batches.InsertAsync(batch, cancellationToken).ConfigureAwait(false);
        return BatchObject.From(batch);
    }

    public async Task<Result<BatchObject>> Handle(GetBatchQuery request, CancellationToken cancellationToken) =>
        await _batches.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false) is { } batch
            ? BatchObject.From(batch)
            : NotFound(request.Id);

    public async Task<Result<ListPage<BatchObject>>> Handle(ListBatchesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? 20;
        var rows = await _batches.ListAsync(request.Caller.OwnerFilter, request.After, limit + 1, cancellationToken).ConfigureAwait(false);
        return ListPage<BatchObject>.Of(rows, limit, r => r.Id, BatchObject.From);
    }

    public async Task<Result<BatchObject>> Handle(CancelBatchCommand request, CancellationToken cancellationToken)
    {
        var owner = request.Caller.OwnerFilter;
        var batch = await _batches.GetAsync(request.Id, owner, cancellationToken).ConfigureAwait(false);
        if (batch is null)
        {
            return NotFound(request.Id);
        }

        if (!await _batches.RequestCancelAsync(batch.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var current = await _batches.GetAsync(batch.Id, owner, cancellationToken).ConfigureAwait(false) ?? batch;
            if (current.Status is not (BatchStatuses.Cancelling or BatchStatuses.Cancelled))
            {
                return Error.Conflict($"A batch with status '{current.Status}' cannot be cancelled.");
            }

            return BatchObject.From(current);
        }

        return BatchObject.From((await _batches.GetAsync(batch.Id, owner, cancellationToken).ConfigureAwait(false))!);
    }

    private static Error NotFound(string id) => Error.NotFound("not_found", $"No such Batch object: {id}");
}
