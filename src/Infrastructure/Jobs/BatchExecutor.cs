using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Runs batches in the background. A node claims one active batch at a time under a lease (claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, renewed while it runs, released on stop), so two nodes never run the same batch.
/// Validating stores one row per input line; running sends each pending line through the gateway as the batch's
/// key and records its result in the same statement that moves the counts, so after a restart only unfinished
/// lines run. A cancel (or a lost lease) is seen within 200 ms and stops new and running lines; a shutdown stops
/// new lines and lets running ones finish. Concurrency is <c>batch_max_concurrency</c> less one per live request.
/// </summary>
internal sealed partial class BatchExecutor : BackgroundService
{
    private const int PageSize = 200;
    private const int InsertChunk = 500;
    private const int MaxReportedErrors = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SlotWait = TimeSpan.FromMilliseconds(50);
    private static readonly string[] PendingOnly = [BatchLineResult.Pending];

    private readonly BatchStore _store;
    private readonly BatchLineRunner _runner;
    private readonly BatchOutputWriter _writer;
    private readonly ApiKeyAuthenticator _authenticator;
    private readonly IFileStore _files;
    private readonly IFileBlobStore _blobs;
    private readonly IModelCatalog _catalog;
    private readonly LiveTrafficGauge _gauge;
    private readonly ProviderBatchMirror _mirror;
    private readonly IWebhookEventPublisher _webhooks;
    private readonly TimeProvider _time;
    private readonly ILogger<BatchExecutor> _logger;
    private readonly int _maxConcurrency;
    private readonly string _node = Environment.MachineName + "/" + Guid.NewGuid().ToString("N");

    public BatchExecutor(
        BatchStore store,
        BatchLineRunner runner,
        BatchOutputWriter writer,
        ApiKeyAuthenticator authenticator,
        IFileStore files,
        IFileBlobStore blobs,
        IModelCatalog catalog,
        LiveTrafficGauge gauge,
        ProviderBatchMirror mirror,
        IWebhookEventPublisher webhooks,
        PlatformConfiguration configuration,
        TimeProvider time,
        ILogger<BatchExecutor> logger)
    {
        _store = store;
        _runner = runner;
        _writer = writer;
        _authenticator = authenticator;
        _files = files;
        _blobs = blobs;
        _catalog = catalog;
        _gauge = gauge;
        _mirror = mirror;
        _webhooks = webhooks;
        _time = time;
        _logger = logger;
        _maxConcurrency = configuration.General.BatchMaxConcurrency;
    }

    private enum RunOutcome
    {
        Done,
        Cancelled,
        Expired,
        KeyRejected,
        Interrupted,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            StoredBatch? batch = null;
            var failed = false;
            try
            {
                var now = _time.GetUtcNow();
                batch = await _store.ClaimAsync(_node, now, now + Lease, stoppingToken).ConfigureAwait(false);
                if (batch is not null)
                {
                    await ProcessAsync(batch, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailure(_logger, ex, batch?.Id ?? "(claim)");
                failed = true;
            }
            finally
            {
                if (batch is not null)
                {
                    await ReleaseQuietlyAsync(batch.Id).ConfigureAwait(false);
                }
            }

            // A failure waits before the next claim, longer each time it repeats: a batch that fails the same way on
            // every attempt would otherwise be claimed, failed and released again at once, over and over.
            failures = failed ? failures + 1 : 0;
            if (batch is null || failed)
            {
                try
                {
                    await Task.Delay(failed ? FailureBackoff(failures) : PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The pause after the given number of failures in a row: the poll interval, doubling, at most 30 s.</summary>
    internal static TimeSpan FailureBackoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(PollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), 30_000));

    private async Task ReleaseQuietlyAsync(string batchId)
    {
        try
        {
            await _store.ReleaseAsync(batchId, _node, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFailure(_logger, ex, batchId);
        }
    }

    private async Task ProcessAsync(StoredBatch batch, CancellationToken stoppingToken)
    {
        var status = batch.Status;
        if (status == BatchStatuses.Validating)
        {
            if (!await ValidateAsync(batch, stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            batch = await _store.GetAsync(batch.Id, null, stoppingToken).ConfigureAwait(false) ?? batch;
            status = batch.Status;
        }

        if (status == BatchStatuses.Cancelling && batch.ProviderBatchId is not null)
        {
            await MirrorAsync(batch, stoppingToken).ConfigureAwait(false);
            return;
        }

        if (status == BatchStatuses.Cancelling)
        {
            await EndAsync(batch, BatchStatuses.Cancelled, "batch_cancelled").ConfigureAwait(false);
            return;
        }

        if (status == BatchStatuses.InProgress && batch.ProviderDeploymentId is not null)
        {
            await MirrorAsync(batch, stoppingToken).ConfigureAwait(false);
            return;
        }

        if (status == BatchStatuses.InProgress)
        {
            var (outcome, rejection) = _time.GetUtcNow() >= batch.ExpiresAt
                ? (RunOutcome.Expired, null)
                : await RunLinesAsync(batch, stoppingToken).ConfigureAwait(false);
            switch (outcome)
            {
                case RunOutcome.Cancelled:
                    await EndAsync(batch, BatchStatuses.Cancelled, "batch_cancelled").ConfigureAwait(false);
                    return;
                case RunOutcome.Expired:
                    await EndAsync(batch, BatchStatuses.Expired, "batch_expired").ConfigureAwait(false);
                    return;
                case RunOutcome.KeyRejected:
                    await FailAsync(batch, [new BatchError(rejection!.Code, "The batch's key was rejected: " + rejection.Message, null, null)]).ConfigureAwait(false);
                    return;
                case RunOutcome.Interrupted:
                    return;
            }

            if (!await _store.MarkFinalizingAsync(batch.Id, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }

            status = BatchStatuses.Finalizing;
        }

        if (status == BatchStatuses.Finalizing)
        {
            await EndAsync(batch, BatchStatuses.Completed, null).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the input file into one row per line, checking each line against the batch and the key.</summary>
    private async Task<bool> ValidateAsync(StoredBatch batch, CancellationToken cancellationToken)
    {
        var caller = await _authenticator.AuthenticateHashAsync(batch.KeyHash, cancellationToken).ConfigureAwait(false);
        if (!caller.IsSuccess)
        {
            await FailAsync(batch, [new BatchError(caller.Error!.Code, "The batch's key was rejected: " + caller.Error.Message, null, null)]).ConfigureAwait(false);
            return false;
        }

        var file = await _files.GetAsync(batch.InputFileId, null, cancellationToken).ConfigureAwait(false);
        var content = file is null ? null : _blobs.OpenRead(file.BlobKey);
        if (content is null)
        {
            await FailAsync(batch, [new BatchError("file_not_found", $"The input file {batch.InputFileId} no longer exists.", "input_file_id", null)]).ConfigureAwait(false);
            return false;
        }

        await _store.ClearLinesAsync(batch.Id, cancellationToken).ConfigureAwait(false);
        var errors = new List<BatchError>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<BatchLine>(InsertChunk);
        var lineNo = 0;
        var total = 0;
        await using (content.ConfigureAwait(false))
        {
            using var reader = new StreamReader(content);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                total++;
                var (line, group, error) = CheckLine(batch, caller.Value, text, lineNo);
                if (error is not null)
                {
                    if (errors.Count < MaxReportedErrors)
                    {
                        errors.Add(error);
                    }

                    continue;
                }

                if (errors.Count > 0)
                {
                    continue;
                }

                groups.Add(group!);
                chunk.Add(line!);
                if (chunk.Count == InsertChunk)
                {
                    if (await InsertLinesAsync(batch, chunk, cancellationToken).ConfigureAwait(false) is { } refused)
                    {
                        errors.Add(refused);
                    }

                    chunk.Clear();
                }
            }
        }

        if (errors.Count == 0 && chunk.Count > 0 && await InsertLinesAsync(batch, chunk, cancellationToken).ConfigureAwait(false) is { } lastRefused)
        {
            errors.Add(lastRefused);
        }

        if (errors.Count > 0)
        {
            await _store.ClearLinesAsync(batch.Id, CancellationToken.None).ConfigureAwait(false);
            await FailAsync(batch, errors).ConfigureAwait(false);
            return false;
        }

        // One model group whose deployment asks for it: the provider's own batch API runs the batch.
        var provider = groups.Count == 1 && _catalog.TryResolve(groups.Single(), out _, out var deployments)
            ? deployments.FirstOrDefault(ProviderBatchMirror.Supports)
            : null;
        return await _store.StartAsync(batch.Id, total, provider?.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores checked lines. When PostgreSQL refuses them for what they hold (<see cref="DataRejection"/>), that is an
    /// error of the batch, returned to fail it, and not a failure to try again: it would fail the same way every time.
    /// </summary>
    private async Task<BatchError?> InsertLinesAsync(StoredBatch batch, List<BatchLine> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await _store.InsertLinesAsync(batch.Id, chunk, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (DataRejection.IsPermanent(ex))
        {
            var lines = chunk.Count == 1 ? $"Line {chunk[0].LineNo}" : $"Lines {chunk[0].LineNo} to {chunk[^1].LineNo}";
            return new BatchError("line_not_stored", $"{lines} could not be stored: the database refused them (SQLSTATE {DataRejection.Code(ex)}).", null, null);
        }
    }

    private (BatchLine? Line, string? Group, BatchError? Error) CheckLine(StoredBatch batch, CallerIdentity caller, string text, int lineNo)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var hasCustomId = root.TryGetProperty("custom_id", out var c) && c.ValueKind == JsonValueKind.String;
            var customId = hasCustomId ? BatchLineText.Of(c) : null;
            if (hasCustomId && (customId is null || !DatabaseText.IsStorable(customId)))
            {
                // Refused at upload today, but a file an older build took may hold it: its row could never be stored.
                return (null, null, new BatchError("invalid_text", $"Line {lineNo} has U+0000 or an unpaired surrogate in its 'custom_id', which cannot be stored.", "custom_id", lineNo));
            }

            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? BatchLineText.Of(u) : null;
            if (string.IsNullOrEmpty(customId) || !root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                return (null, null, new BatchError("invalid_request", $"Line {lineNo} needs 'custom_id' and a 'body' object.", "body", lineNo));
            }

            if (url != batch.Endpoint)
            {
                return (null, null, new BatchError("mismatched_endpoint", $"Line {lineNo} has url '{url}', but the batch's endpoint is '{batch.Endpoint}'.", "url", lineNo));
            }

            var model = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? BatchLineText.Of(m) : null;
            if (model is null || !_catalog.TryResolve(model, out var group, out _))
            {
                return (null, null, new BatchError("model_not_found", $"Line {lineNo}: the model '{model}' does not exist on this gateway.", "body.model", lineNo));
            }

            if (!CallerIdentity.Allows(caller.AllowedModels, group)
                || (caller.TeamId is not null && !CallerIdentity.Allows(caller.TeamModels, group))
                || (caller.OrganizationId is not null && !CallerIdentity.Allows(caller.OrganizationModels, group)))
            {
                return (null, null, new BatchError("model_not_allowed", $"Line {lineNo}: this key is not allowed to use the model '{group}'.", "body.model", lineNo));
            }

            return (new BatchLine(lineNo, JobIds.NewBatchRequestId(), customId, body.GetRawText()), group, null);
        }
        catch (JsonException)
        {
            return (null, null, new BatchError("invalid_json_line", $"Line {lineNo} is not valid JSON.", null, lineNo));
        }
    }

    private async Task<(RunOutcome Outcome, Error? Rejection)> RunLinesAsync(StoredBatch batch, CancellationToken stoppingToken)
    {
        using var halt = new CancellationTokenSource();
        using var stopWatching = new CancellationTokenSource();
        var state = new RunState();
        var watcher = WatchAsync(batch.Id, halt, state, stopWatching.Token);
        var running = new List<Task>();
        var after = 0;
        try
        {
            while (!halt.IsCancellationRequested && !stoppingToken.IsCancellationRequested && !state.Expired)
            {
                var page = await _store.PendingAsync(batch.Id, after, PageSize, stoppingToken).ConfigureAwait(false);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var line in page)
                {
                    while (!halt.IsCancellationRequested && !stoppingToken.IsCancellationRequested
                        && running.Count >= _gauge.BatchSlots(_maxConcurrency, running.Count))
                    {
                        await Task.WhenAny(Task.WhenAny(running), Task.Delay(SlotWait, _time, CancellationToken.None)).ConfigureAwait(false);
                        running.RemoveAll(t => t.IsCompleted);
                    }

                    if (halt.IsCancellationRequested || stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }

                    if (_time.GetUtcNow() >= batch.ExpiresAt)
                    {
                        state.Expired = true;
                        break;
                    }

                    running.Add(RunLineAsync(batch, line, state, halt));
                }

                after = page[^1].LineNo;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }

        if (state.Rejection is not null)
        {
            return (RunOutcome.KeyRejected, state.Rejection);
        }

        if (state.CancelRequested)
        {
            return (RunOutcome.Cancelled, null);
        }

        if (state.Expired)
        {
            return (RunOutcome.Expired, null);
        }

        if (state.LeaseLost || stoppingToken.IsCancellationRequested
            || await _store.CountAsync(batch.Id, PendingOnly, CancellationToken.None).ConfigureAwait(false) > 0)
        {
            return (RunOutcome.Interrupted, null);
        }

        return (RunOutcome.Done, null);
    }

    private async Task RunLineAsync(StoredBatch batch, BatchLine line, RunState state, CancellationTokenSource halt)
    {
        await Task.Yield();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var caller = await _authenticator.AuthenticateHashAsync(batch.KeyHash, halt.Token).ConfigureAwait(false);
                if (!caller.IsSuccess)
                {
                    state.Rejection ??= caller.Error;
                    await halt.CancelAsync().ConfigureAwait(false);
                    return;
                }

                var attemptLine = attempt == 1 ? line : line with { RequestId = $"{line.RequestId}_{attempt}" };
                var result = await _runner.RunAsync(batch.Endpoint, attemptLine, caller.Value, halt.Token).ConfigureAwait(false);
                if (!result.IsSuccess && result.Error!.Kind == ErrorKind.RateLimited)
                {
                    // The key's own rate limit: wait and run the line again rather than fail it.
                    await Task.Delay(result.Error.RetryAfter ?? TimeSpan.FromSeconds(1), _time, halt.Token).ConfigureAwait(false);
                    continue;
                }

                if (!result.IsSuccess && result.Error!.Kind == ErrorKind.Unauthorized)
                {
                    state.Rejection ??= result.Error;
                    await halt.CancelAsync().ConfigureAwait(false);
                    return;
                }

                var finished = result.IsSuccess
                    ? new BatchLineResult(line.LineNo, attemptLine.RequestId, line.CustomId, BatchLineResult.Completed, 200, result.Value, null, null)
                    : new BatchLineResult(line.LineNo, attemptLine.RequestId, line.CustomId, BatchLineResult.Failed, null, null, result.Error!.Code, result.Error.Message);
                await _store.FinishLineAsync(batch.Id, finished, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (halt.IsCancellationRequested)
        {
            // Cancelled or the lease was lost: the line stays pending.
        }
        catch (Exception ex)
        {
            LogFailure(_logger, ex, batch.Id);
        }
    }

    /// <summary>Renews the lease and looks for a cancel every 200 ms; either stops the batch's lines at once.</summary>
    private async Task WatchAsync(string batchId, CancellationTokenSource halt, RunState state, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WatchInterval, _time, cancellationToken).ConfigureAwait(false);
                var status = await _store.HeartbeatAsync(batchId, _node, _time.GetUtcNow() + Lease, cancellationToken).ConfigureAwait(false);
                if (status is null)
                {
                    state.LeaseLost = true;
                    await halt.CancelAsync().ConfigureAwait(false);
                    return;
                }

                if (status == BatchStatuses.Cancelling)
                {
                    state.CancelRequested = true;
                    await halt.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailure(_logger, ex, batchId);
            }
        }
    }

    private async Task EndAsync(StoredBatch batch, string status, string? unrunCode)
    {
        var (output, error) = await _writer.WriteAsync(batch, unrunCode, CancellationToken.None).ConfigureAwait(false);
        await FinishAsync(batch.Id, status, output, error).ConfigureAwait(false);
    }

    private async Task FinishAsync(string batchId, string status, string? output, string? error)
    {
        if (await _store.EndAsync(batchId, status, output, error, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false)
            && status == BatchStatuses.Completed)
        {
            await PublishAsync(batchId, WebhookEventTypes.BatchCompleted).ConfigureAwait(false);
        }
    }

    /// <summary>Mirrors one poll of the batch on the provider's batch API; ends the batch here when it ended there.</summary>
    private async Task MirrorAsync(StoredBatch batch, CancellationToken stoppingToken)
    {
        var deployment = _catalog.AllDeployments.FirstOrDefault(d => d.Id == batch.ProviderDeploymentId);
        if (deployment is null)
        {
            await FailAsync(batch, [new BatchError("deployment_not_found", $"The deployment '{batch.ProviderDeploymentId}' that runs this batch is no longer configured.", null, null)]).ConfigureAwait(false);
            return;
        }

        var ending = await _mirror.StepAsync(batch, deployment, stoppingToken).ConfigureAwait(false);
        if (ending is null)
        {
            await _store.SnoozeAsync(batch.Id, _node, _time.GetUtcNow() + ProviderBatchMirror.PollInterval, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        switch (ending.Status)
        {
            case BatchStatuses.Completed:
                await _store.MarkFinalizingAsync(batch.Id, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await FinishAsync(batch.Id, BatchStatuses.Completed, ending.OutputFileId, ending.ErrorFileId).ConfigureAwait(false);
                return;
            case BatchStatuses.Cancelled or BatchStatuses.Expired:
                await FinishAsync(batch.Id, ending.Status, ending.OutputFileId, ending.ErrorFileId).ConfigureAwait(false);
                return;
            default:
                await FailAsync(batch, [new BatchError("provider_batch_failed", $"The provider's batch {batch.ProviderBatchId} failed.", null, null)]).ConfigureAwait(false);
                return;
        }
    }

    private async Task FailAsync(StoredBatch batch, IReadOnlyList<BatchError> errors)
    {
        if (await _store.FailAsync(batch.Id, new BatchErrors(errors), _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            await PublishAsync(batch.Id, WebhookEventTypes.BatchFailed).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string batchId, string type)
    {
        var batch = await _store.GetAsync(batchId, null, CancellationToken.None).ConfigureAwait(false);
        if (batch is null)
        {
            return;
        }

        var data = JsonSerializer.SerializeToNode(BatchObject.From(batch)) as JsonObject ?? [];
        await _webhooks.PublishAsync(new WebhookEvent(type, data, batch.Owner), CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch executor failure on {BatchId}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string batchId);

    /// <summary>What the lines and the watcher learn while a batch runs.</summary>
    private sealed class RunState
    {
        private volatile bool _cancelRequested;
        private volatile bool _leaseLost;
        private volatile bool _expired;

        public bool CancelRequested
        {
            get => _cancelRequested;
            set => _cancelRequested = value;
        }

        public bool LeaseLost
        {
            get => _leaseLost;
            set => _leaseLost = value;
        }

        public bool Expired
        {
            get => _expired;
            set => _expired = value;
        }

        public Error? Rejection { get; set; }
    }
}
