using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Domain.Catalog;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>
/// Mirrors one job from its provider (status, events, checkpoints) and handles its end once: publishes the webhook
/// event and, on success, registers the fine-tuned model as a stored deployment of the base model's provider,
/// api_base and credential, so it is routable on every node and survives restarts.
/// </summary>
internal sealed partial class FineTuningJobSync
{
    private readonly IFineTuningStore _store;
    private readonly IFineTuningProvider _provider;
    private readonly IModelCatalog _catalog;
    private readonly IModelStore _models;
    private readonly IWebhookEventPublisher _webhooks;
    private readonly ILogger<FineTuningJobSync> _logger;

    public FineTuningJobSync(
        IFineTuningStore store,
        IFineTuningProvider provider,
        IModelCatalog catalog,
        IModelStore models,
        IWebhookEventPublisher webhooks,
        ILogger<FineTuningJobSync> logger)
    {
        _store = store;
        _provider = provider;
        _catalog = catalog;
        _models = models;
        _webhooks = webhooks;
        _logger = logger;
    }

    public ModelDeployment? DeploymentOf(StoredFineTuningJob job) =>
        _catalog.AllDeployments.FirstOrDefault(d => string.Equals(d.Id, job.DeploymentId, StringComparison.Ordinal));

    /// <summary>Polls the provider once (while the job is active) and handles the end of a job that has ended.</summary>
    public async Task SyncAsync(StoredFineTuningJob job, CancellationToken cancellationToken)
    {
        if (!FineTuningStatuses.IsTerminal(job.Mirror.Status))
        {
            var deployment = DeploymentOf(job);
            if (deployment is null)
            {
                LogDeploymentGone(_logger, job.Id, job.DeploymentId);
                return;
            }

            var remote = await _provider.GetJobAsync(deployment, job.ProviderJobId, cancellationToken).ConfigureAwait(false);
            if (!remote.IsSuccess)
            {
                LogPollFailed(_logger, job.Id, remote.Error!.Message);
                return;
            }

            var mirror = FineTuningMirror.From(remote.Value, job.Mirror.Status);
            await RefreshItemsAsync(job, deployment, cancellationToken).ConfigureAwait(false);
            await _store.UpdateMirrorAsync(job.Id, mirror, cancellationToken).ConfigureAwait(false);
            job = job with { Mirror = mirror };
        }

        if (FineTuningStatuses.IsTerminal(job.Mirror.Status) && !job.Finalized)
        {
            await FinalizeAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies the provider's latest events and checkpoints into the mirror; a provider failure leaves the mirror as it is.</summary>
    public async Task RefreshItemsAsync(StoredFineTuningJob job, ModelDeployment deployment, CancellationToken cancellationToken)
    {
        var events = await _provider.ListEventsAsync(deployment, job.ProviderJobId, cancellationToken).ConfigureAwait(false);
        if (events.IsSuccess)
        {
            await _store.AddEventsAsync(job.Id, Items(events.Value, job.Id), cancellationToken).ConfigureAwait(false);
        }

        var checkpoints = await _provider.ListCheckpointsAsync(deployment, job.ProviderJobId, cancellationToken).ConfigureAwait(false);
        if (checkpoints.IsSuccess)
        {
            await _store.AddCheckpointsAsync(job.Id, Items(checkpoints.Value, job.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles a job's end: the fine-tuned model becomes routable, then the webhook event goes out, then the job is final.</summary>
    public async Task FinalizeAsync(StoredFineTuningJob job, CancellationToken cancellationToken)
    {
        if (job.Mirror.Status == FineTuningStatuses.Succeeded && job.Mirror.FineTunedModel is { Length: > 0 } fineTuned)
        {
            await RegisterAsync(job, fineTuned, cancellationToken).ConfigureAwait(false);
        }

        var type = job.Mirror.Status switch
        {
            FineTuningStatuses.Succeeded => WebhookEventTypes.FineTuningJobCompleted,
            FineTuningStatuses.Failed => WebhookEventTypes.FineTuningJobFailed,
            _ => null,
        };
        if (type is not null)
        {
            var data = JsonSerializer.SerializeToNode(FineTuningJobObject.From(job))!.AsObject();
            await _webhooks.PublishAsync(new WebhookEvent(type, data, job.Owner), cancellationToken).ConfigureAwait(false);
        }

        await _store.MarkFinalizedAsync(job.Id, cancellationToken).ConfigureAwait(false);
        LogJobEnded(_logger, job.Id, job.Mirror.Status);
    }

    private async Task RegisterAsync(StoredFineTuningJob job, string fineTuned, CancellationToken cancellationToken)
    {
        var id = FineTuningIds.DeploymentIdOf(job.Id);
        if (_catalog.AllDeployments.Any(d => string.Equals(d.Id, id, StringComparison.Ordinal)))
        {
            return;
        }

        var deployment = DeploymentOf(job);
        if (deployment is null)
        {
            LogDeploymentGone(_logger, job.Id, job.DeploymentId);
            return;
        }

        var parameters = new JsonObject { ["model"] = deployment.Provider + "/" + fineTuned };
        if (deployment.Settings.ApiBase is { } apiBase)
        {
            parameters["api_base"] = apiBase;
        }

        if (deployment.Settings.CredentialName is { } credential)
        {
            parameters["litellm_credential_name"] = credential;
        }
        else if (deployment.Settings.ApiKey is { } apiKey)
        {
            parameters["api_key"] = apiKey;
        }

        var entry = new JsonObject
        {
            ["model_name"] = fineTuned,
            ["litellm_params"] = parameters,
            ["model_info"] = new JsonObject { ["id"] = id, ["mode"] = "chat" },
        };
        using var document = JsonDocument.Parse(entry.ToJsonString());
        var added = await _models.AddAsync(document.RootElement, cancellationToken).ConfigureAwait(false);
        if (!added.IsSuccess && added.Error!.Kind != Domain.Common.ErrorKind.Conflict)
        {
            LogRegistrationFailed(_logger, job.Id, fineTuned, added.Error.Message);
        }
    }

    private static List<MirroredItem> Items(IReadOnlyList<JsonObject> newestFirst, string jobId)
    {
        var items = new List<MirroredItem>(newestFirst.Count);
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var item = newestFirst[i];
            if (item["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
            {
                continue;
            }

            var created = item["created_at"] is JsonValue createdValue && createdValue.TryGetValue<long>(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.UnixEpoch;
            var copy = item.DeepClone().AsObject();
            if (copy.ContainsKey("fine_tuning_job_id"))
            {
                copy["fine_tuning_job_id"] = jobId;
            }

            items.Add(new MirroredItem(id, created, copy.ToJsonString()));
        }

        return items;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fine-tuning job {JobId}: its deployment {DeploymentId} is no longer configured")]
    private static partial void LogDeploymentGone(ILogger logger, string jobId, string deploymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fine-tuning job {JobId}: polling the provider failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fine-tuning job {JobId}: the model {Model} could not be registered: {Reason}")]
    private static partial void LogRegistrationFailed(ILogger logger, string jobId, string model, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fine-tuning job {JobId} ended: {Status}")]
    private static partial void LogJobEnded(ILogger logger, string jobId, string status);
}
