using System.Text.Json.Nodes;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>
/// OpenAI's fine-tuning API at a deployment's provider, called with the deployment's api_base and credential.
/// Provider refusals and outages come back as errors, never as exceptions; the credential never reaches a message.
/// </summary>
public interface IFineTuningProvider
{
    /// <summary>Streams the content to <c>POST {api_base}/files</c> (purpose fine-tune) and returns the provider's file id.</summary>
    Task<Result<string>> UploadFileAsync(ModelDeployment deployment, string filename, Stream content, CancellationToken cancellationToken);

    Task<Result<JsonObject>> CreateJobAsync(ModelDeployment deployment, JsonObject body, CancellationToken cancellationToken);

    Task<Result<JsonObject>> GetJobAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken);

    Task<Result<JsonObject>> CancelJobAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken);

    /// <summary>The job's most recent events, newest first (the provider's order).</summary>
    Task<Result<IReadOnlyList<JsonObject>>> ListEventsAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken);

    /// <summary>The job's most recent checkpoints, newest first.</summary>
    Task<Result<IReadOnlyList<JsonObject>>> ListCheckpointsAsync(ModelDeployment deployment, string providerJobId, CancellationToken cancellationToken);
}
