using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Runs a batch on an OpenAI-compatible provider's own batch API (<c>use_provider_batch_api: true</c>): uploads the
/// lines (with the deployment's upstream model name) to the provider's <c>/files</c>, creates the batch on its
/// <c>/batches</c>, polls it, mirrors its status and counts, forwards a cancel, and copies its output and error
/// files into our blob store when it ends.
/// </summary>
internal sealed class ProviderBatchMirror
{
    public const string DefaultOpenAiBase = "https://api.openai.com/v1";
    private const int PageSize = 500;
    /// <summary>How long a running provider batch is left before its next poll.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly HashSet<string> CompatibleProviders = new(StringComparer.Ordinal) { "openai", "hosted_vllm", "openai_compatible", "vllm" };

    private readonly BatchStore _store;
    private readonly IFileStore _files;
    private readonly IFileBlobStore _blobs;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public ProviderBatchMirror(BatchStore store, IFileStore files, IFileBlobStore blobs, ProviderHttp http, TimeProvider time)
    {
        _store = store;
        _files = files;
        _blobs = blobs;
        _http = http.Client;
        _time = time;
    }

    /// <summary>How the provider's batch ended, with our copies of its files; null when this node stopped first.</summary>
    public sealed record Ending(string Status, string? OutputFileId, string? ErrorFileId, int Total, int Completed, int Failed);

    public static bool Supports(ModelDeployment deployment) =>
        deployment.Settings.UseProviderBatchApi && CompatibleProviders.Contains(deployment.Provider);

    /// <summary>
    /// One step: creates the provider's batch when needed, forwards a cancel, polls it once and mirrors its counts.
    /// Returns how it ended, or null while it still runs (the executor then leaves it until the next poll, so a long
    /// provider batch does not hold the node's executor).
    /// </summary>
    public async Task<Ending?> StepAsync(StoredBatch batch, ModelDeployment deployment, CancellationToken cancellationToken)
    {
        var apiBase = (deployment.Settings.ApiBase ?? DefaultOpenAiBase).TrimEnd('/');
        var providerBatchId = batch.ProviderBatchId ?? await CreateAsync(batch, deployment, apiBase, cancellationToken).ConfigureAwait(false);
        if (batch.Status == BatchStatuses.Cancelling)
        {
            using var cancel = Request(HttpMethod.Post, $"{apiBase}/batches/{providerBatchId}/cancel", deployment);
            using var cancelled = await _http.SendAsync(cancel, cancellationToken).ConfigureAwait(false);
        }

        using var get = Request(HttpMethod.Get, $"{apiBase}/batches/{providerBatchId}", deployment);
        using var response = await _http.SendAsync(get, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var remote = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false) ?? [];
        var counts = remote["request_counts"];
        var total = counts?["total"]?.GetValue<int>() ?? batch.Total;
        var completed = counts?["completed"]?.GetValue<int>() ?? 0;
        var failed = counts?["failed"]?.GetValue<int>() ?? 0;
        await _store.MirrorCountsAsync(batch.Id, total, completed, failed, cancellationToken).ConfigureAwait(false);
        var remoteStatus = remote["status"]?.GetValue<string>();
        if (remoteStatus is not (BatchStatuses.Completed or BatchStatuses.Failed or BatchStatuses.Cancelled or BatchStatuses.Expired))
        {
            return null;
        }

        var output = await CopyFileAsync(batch, deployment, apiBase, remote["output_file_id"]?.GetValue<string>(), "output", cancellationToken).ConfigureAwait(false);
        var error = await CopyFileAsync(batch, deployment, apiBase, remote["error_file_id"]?.GetValue<string>(), "error", cancellationToken).ConfigureAwait(false);
        return new Ending(remoteStatus, output, error, total, completed, failed);
    }

    private async Task<string> CreateAsync(StoredBatch batch, ModelDeployment deployment, string apiBase, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"llmplatform-{batch.Id}-provider-{Guid.NewGuid():N}.jsonl");
        try
        {
            var input = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await using (input.ConfigureAwait(false))
            {
                var after = 0;
                while (true)
                {
                    var page = await _store.PendingAsync(batch.Id, after, PageSize, cancellationToken).ConfigureAwait(false);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    foreach (var line in page)
                    {
                        var body = JsonNode.Parse(line.Body)!.AsObject();
                        body["model"] = deployment.UpstreamModel;
                        var request = new JsonObject { ["custom_id"] = line.CustomId, ["method"] = "POST", ["url"] = batch.Endpoint, ["body"] = body };
                        var bytes = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
                        await input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                    }

                    after = page[^1].LineNo;
                }

                input.Position = 0;
                using var form = new MultipartFormDataContent();
                var file = new StreamContent(input);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
                form.Add(new StringContent(FilePurposes.Batch), "purpose");
                form.Add(file, "file", batch.Id + ".jsonl");
                using var upload = Request(HttpMethod.Post, apiBase + "/files", deployment);
                upload.Content = form;
                using var uploaded = await _http.SendAsync(upload, cancellationToken).ConfigureAwait(false);
                uploaded.EnsureSuccessStatusCode();
                var remoteFile = await uploaded.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
                var remoteFileId = remoteFile?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The provider's file upload answered no id.");

                using var create = Request(HttpMethod.Post, apiBase + "/batches", deployment);
                create.Content = JsonContent.Create(new JsonObject
                {
                    ["input_file_id"] = remoteFileId,
                    ["endpoint"] = batch.Endpoint,
                    ["completion_window"] = batch.CompletionWindow,
                });
                using var created = await _http.SendAsync(create, cancellationToken).ConfigureAwait(false);
                created.EnsureSuccessStatusCode();
                var remoteBatch = await created.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
                var providerBatchId = remoteBatch?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The provider's batch create answered no id.");
                await _store.SetProviderBatchAsync(batch.Id, providerBatchId, cancellationToken).ConfigureAwait(false);
                return providerBatchId;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<string?> CopyFileAsync(StoredBatch batch, ModelDeployment deployment, string apiBase, string? remoteFileId, string kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(remoteFileId))
        {
            return null;
        }

        using var request = Request(HttpMethod.Get, $"{apiBase}/files/{remoteFileId}/content", deployment);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var id = JobIds.NewFileId();
        var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var bytes = await _blobs.SaveAsync(id, content, cancellationToken).ConfigureAwait(false);
            await _files.InsertAsync(
                new StoredFile(id, batch.Owner, $"{batch.Id}_{kind}.jsonl", FilePurposes.BatchOutput, bytes, id, _time.GetUtcNow(), null),
                cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, ModelDeployment deployment)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Settings.ApiKey);
        }

        return request;
    }
}
