using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>
/// The fine-tuning use cases. A job runs at the provider that serves its base model: the files go there first, then
/// the job is created there and mirrored locally; reads come from the mirror, which the poller keeps current. A job
/// belongs to the creating key's owner; another owner gets 404; admins see every job.
/// </summary>
internal sealed class FineTuningHandler :
    IRequestHandler<CreateFineTuningJobCommand, Result<FineTuningJobObject>>,
    IRequestHandler<ListFineTuningJobsQuery, Result<ListPage<FineTuningJobObject>>>,
    IRequestHandler<GetFineTuningJobQuery, Result<FineTuningJobObject>>,
    IRequestHandler<CancelFineTuningJobCommand, Result<FineTuningJobObject>>,
    IRequestHandler<ListFineTuningEventsQuery, Result<ListPage<JsonObject>>>,
    IRequestHandler<ListFineTuningCheckpointsQuery, Result<ListPage<JsonObject>>>
{
    public const int MaxPage = 100;

    /// <summary>How long a read waits for the provider when it refreshes an active job's events or checkpoints.</summary>
    private static readonly TimeSpan RefreshBudget = TimeSpan.FromSeconds(5);

    private readonly IFineTuningStore _jobs;
    private readonly IFineTuningProvider _provider;
    private readonly FineTuningJobSync _sync;
    private readonly IModelCatalog _catalog;
    private readonly IFileStore _files;
    private readonly IFileBlobStore _blobs;
    private readonly TimeProvider _time;

    public FineTuningHandler(
        IFineTuningStore jobs,
        IFineTuningProvider provider,
        FineTuningJobSync sync,
        IModelCatalog catalog,
        IFileStore files,
        IFileBlobStore blobs,
        TimeProvider time)
    {
        _jobs = jobs;
        _provider = provider;
        _sync = sync;
        _catalog = catalog;
        _files = files;
        _blobs = blobs;
        _time = time;
    }

    public async Task<Result<FineTuningJobObject>> Handle(CreateFineTuningJobCommand request, CancellationToken cancellationToken)
    {
        var model = request.Model!;
        var deployment = ResolveDeployment(request.Caller, model, out var problem);
        if (deployment is null)
        {
            return problem!;
        }

        var training = await OwnedFileAsync(request.Caller, request.TrainingFile!, "training_file", cancellationToken).ConfigureAwait(false);
        if (!training.IsSuccess)
        {
            return training.Error!;
        }

        StoredFile? validation = null;
        if (request.ValidationFile is { } validationId)
        {
            var found = await OwnedFileAsync(request.Caller, validationId, "validation_file", cancellationToken).ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            validation = found.Value;
        }

        var trainingAtProvider = await UploadAsync(deployment, training.Value, cancellationToken).ConfigureAwait(false);
        if (!trainingAtProvider.IsSuccess)
        {
            return trainingAtProvider.Error!;
        }

        string? validationAtProvider = null;
        if (validation is not null)
        {
            var uploaded = await UploadAsync(deployment, validation, cancellationToken).ConfigureAwait(false);
            if (!uploaded.IsSuccess)
            {
                return uploaded.Error!;
            }

            validationAtProvider = uploaded.Value;
        }

        var body = new JsonObject { ["model"] = deployment.UpstreamModel, ["training_file"] = trainingAtProvider.Value };
        if (validationAtProvider is not null)
        {
            body["validation_file"] = validationAtProvider;
        }

        if (request.Hyperparameters is { ValueKind: JsonValueKind.Object } hyperparameters)
        {
            body["hyperparameters"] = JsonNode.Parse(hyperparameters.GetRawText());
        }

        if (!string.IsNullOrEmpty(request.Suffix))
        {
            body["suffix"] = request.Suffix;
        }

        if (request.Seed is { } seed)
        {
            body["seed"] = seed;
        }

        var created = await _provider.CreateJobAsync(deployment, body, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        if (created.Value["id"] is not JsonValue providerId || !providerId.TryGetValue<string>(out var providerJobId) || providerJobId.Length == 0)
        {
            return new Error(ErrorKind.Upstream, "upstream_error", "The provider answered the job creation without a job id.");
        }

        var now = _time.GetUtcNow();
        var job = new StoredFineTuningJob(
            FineTuningIds.NewJobId(),
            request.Caller.Owner,
            providerJobId,
            deployment.Id,
            model,
            training.Value.Id,
            validation?.Id,
            string.IsNullOrEmpty(request.Suffix) ? null : request.Suffix,
            request.Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata.GetRawText() : null,
            now,
            FineTuningMirror.From(created.Value, FineTuningStatuses.ValidatingFiles) with { FinishedAt = null },
            false);
        await _jobs.InsertAsync(job, now, cancellationToken).ConfigureAwait(false);
        return FineTuningJobObject.From(job);
    }

    public async Task<Result<ListPage<FineTuningJobObject>>> Handle(ListFineTuningJobsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? 20;
        var rows = await _jobs.ListAsync(request.Caller.OwnerFilter, request.After, limit + 1, cancellationToken).ConfigureAwait(false);
        return ListPage<FineTuningJobObject>.Of(rows, limit, r => r.Id, FineTuningJobObject.From);
    }

    public async Task<Result<FineTuningJobObject>> Handle(GetFineTuningJobQuery request, CancellationToken cancellationToken) =>
        await _jobs.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false) is { } job
            ? FineTuningJobObject.From(job)
            : FineTuningErrors.NotFound(request.Id);

    public async Task<Result<FineTuningJobObject>> Handle(CancelFineTuningJobCommand request, CancellationToken cancellationToken)
    {
        var job = await _jobs.GetAsync(request.Id, request.Caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return FineTuningErrors.NotFound(request.Id);
        }

        if (FineTuningStatuses.IsTerminal(job.Mirror.Status))
        {
            return FineTuningErrors.AlreadyEnded(job.Id, job.Mirror.Status);
        }

        var deployment = _sync.DeploymentOf(job);
        if (deployment is null)
        {
            return FineTuningErrors.DeploymentGone(job.Id);
        }

        var cancelled = await _provider.CancelJobAsync(deployment, job.ProviderJobId, cancellationToken).ConfigureAwait(false);
        if (!cancelled.IsSuccess)
        {
            return cancelled.Error!;
        }

        var mirror = FineTuningMirror.From(cancelled.Value, FineTuningStatuses.Cancelled);
        if (!FineTuningStatuses.IsTerminal(mirror.Status))
        {
            mirror = mirror with { Status = FineTuningStatuses.Cancelled };
        }

        await _jobs.UpdateMirrorAsync(job.Id, mirror, cancellationToken).ConfigureAwait(false);
        job = job with { Mirror = mirror };
        await _sync.RefreshItemsAsync(job, deployment, cancellationToken).ConfigureAwait(false);
        await _sync.FinalizeAsync(job, cancellationToken).ConfigureAwait(false);
        return FineTuningJobObject.From(job with { Finalized = true });
    }

    public async Task<Result<ListPage<JsonObject>>> Handle(ListFineTuningEventsQuery request, CancellationToken cancellationToken)
    {
        var job = await ActiveRefreshedAsync(request.Caller, request.Id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return FineTuningErrors.NotFound(request.Id);
        }

        var limit = request.Limit ?? 20;
        var rows = await _jobs.ListEventsAsync(job.Id, request.After, limit + 1, cancellationToken).ConfigureAwait(false);
        return Page(rows, limit);
    }

    public async Task<Result<ListPage<JsonObject>>> Handle(ListFineTuningCheckpointsQuery request, CancellationToken cancellationToken)
    {
        var job = await ActiveRefreshedAsync(request.Caller, request.Id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return FineTuningErrors.NotFound(request.Id);
        }

        var limit = request.Limit ?? 10;
        var rows = await _jobs.ListCheckpointsAsync(job.Id, request.After, limit + 1, cancellationToken).ConfigureAwait(false);
        return Page(rows, limit);
    }

    private static ListPage<JsonObject> Page(IReadOnlyList<MirroredItem> rows, int limit) =>
        ListPage<JsonObject>.Of(rows, limit, r => r.Id, r => JsonNode.Parse(r.Body)!.AsObject());

    /// <summary>The owned job; while it is active its events and checkpoints are refreshed first, within a short budget.</summary>
    private async Task<StoredFineTuningJob?> ActiveRefreshedAsync(CallerIdentity caller, string id, CancellationToken cancellationToken)
    {
        var job = await _jobs.GetAsync(id, caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (job is null || FineTuningStatuses.IsTerminal(job.Mirror.Status) || _sync.DeploymentOf(job) is not { } deployment)
        {
            return job;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RefreshBudget);
        try
        {
            await _sync.RefreshItemsAsync(job, deployment, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The provider is slow: the mirror as it is will do.
        }

        return job;
    }

    private ModelDeployment? ResolveDeployment(CallerIdentity caller, string model, out Error? problem)
    {
        problem = null;
        if (!_catalog.TryResolve(model, out var group, out var deployments))
        {
            problem = FineTuningErrors.UnknownModel(model);
            return null;
        }

        if (!caller.MayUseModel(group))
        {
            problem = FineTuningErrors.ModelNotAllowed(model);
            return null;
        }

        var deployment = deployments.FirstOrDefault(FineTuningProviders.Supports);
        if (deployment is null)
        {
            problem = FineTuningErrors.NotFineTunable(model);
        }

        return deployment;
    }

    private async Task<Result<StoredFile>> OwnedFileAsync(CallerIdentity caller, string id, string param, CancellationToken cancellationToken)
    {
        var file = await _files.GetAsync(id, caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return FineTuningErrors.FileNotFound(id, param);
        }

        return file.Purpose == FilePurposes.FineTune ? file : FineTuningErrors.WrongPurpose(id, file.Purpose, param);
    }

    private async Task<Result<string>> UploadAsync(ModelDeployment deployment, StoredFile file, CancellationToken cancellationToken)
    {
        var content = _blobs.OpenRead(file.BlobKey);
        if (content is null)
        {
            return FineTuningErrors.FileNotFound(file.Id, "training_file");
        }

        await using (content.ConfigureAwait(false))
        {
            return await _provider.UploadFileAsync(deployment, file.Filename, content, cancellationToken).ConfigureAwait(false);
        }
    }
}
