using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Jobs.FineTuning;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Jobs.FineTuning;

/// <summary>OpenAI's files and fine-tuning endpoints under a deployment's api_base, with its credential as a bearer token.</summary>
internal sealed class OpenAiFineTuningProvider : IFineTuningProvider
{
    private const string DefaultApiBase = "https://api.openai.com/v1";
    private const int ListedItems = 100;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(30);

    private readonly ProviderHttp _http;

    public OpenAiFineTuningProvider(ProviderHttp http)
    {
        _http = http;
    }

    public async Task<Result<string>> UploadFileAsync(ModelDeployment deployment, string filename, Stream content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("fine-tune", Encoding.UTF8), "purpose");
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", filename);
        var uploaded = await SendAsync(deployment, HttpMethod.Post, "/files", form, UploadTimeout, cancellationToken).ConfigureAwait(false);
        if (!uploaded.IsSuccess)
        {
            return uploaded.Error!;
        }

        return uploaded.Value["id"] is JsonValue id && id.TryGetValue<string>(out var fileId) && fileId.Length > 0
            ? fileId
            : UpstreamErrors.BadAnswer(deployment.Provider, "the uploaded file has no id");
    }

    public Task<Result<JsonObject>> CreateJobAsync(ModelDeployment deployment, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(deployment, HttpMethod.Post, "/fine_tuning/jobs", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), CallTimeout, cancellationToken);

    public Task<Result<JsonObject>> GetJobAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken) =>
        SendAsync(deployment, HttpMethod.Get, "/fine_tuning/jobs/" + Uri.EscapeDataString(providerJobId), null, CallTimeout, cancellationToken);

    public Task<Result<JsonObject>> CancelJobAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken) =>
        SendAsync(deployment, HttpMethod.Post, "/fine_tuning/jobs/" + Uri.EscapeDataString(providerJobId) + "/cancel", null, CallTimeout, cancellationToken);

    public Task<Result<IReadOnlyList<JsonObject>>> ListEventsAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken) =>
        ListAsync(deployment, "/fine_tuning/jobs/" + Uri.EscapeDataString(providerJobId) + "/events?limit=" + ListedItems, cancellationToken);

    public Task<Result<IReadOnlyList<JsonObject>>> ListCheckpointsAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken) =>
        ListAsync(deployment, "/fine_tuning/jobs/" + Uri.EscapeDataString(providerJobId) + "/checkpoints?limit=" + ListedItems, cancellationToken);

    private async Task<Result<IReadOnlyList<JsonObject>>> ListAsync(ModelDeployment deployment, string path, CancellationToken cancellationToken)
    {
        var page = await SendAsync(deployment, HttpMethod.Get, path, null, CallTimeout, cancellationToken).ConfigureAwait(false);
        if (!page.IsSuccess)
        {
            return page.Error!;
        }

        return page.Value["data"] is JsonArray data
            ? data.OfType<JsonObject>().ToList()
            : UpstreamErrors.BadAnswer(deployment.Provider, "the list has no data");
    }

    private async Task<Result<JsonObject>> SendAsync(
        ModelDeployment deployment,
        HttpMethod method,
        string path,
        HttpContent? content,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var apiBase = (deployment.Settings.ApiBase ?? DefaultApiBase).TrimEnd('/');
        using var request = new HttpRequestMessage(method, apiBase + path) { Content = content };
        if (deployment.Settings.ApiKey is { Length: > 0 } apiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        var read = await UpstreamCall.SendForJsonAsync(
            _http.Client,
            request,
            async (stream, token) => await JsonNode.ParseAsync(stream, cancellationToken: token).ConfigureAwait(false) as JsonObject,
            deployment.Provider,
            timeout,
            cancellationToken).ConfigureAwait(false);
        return read;
    }
}
