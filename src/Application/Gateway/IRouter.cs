using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>Picks a deployment of a model group and runs the call under retries, cooldowns and fallbacks.</summary>
public interface IRouter
{
    ValueTask<Result<Routed<ChatCompletionResponse>>> ChatAsync(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        ChatCompletionRequest request,
        CancellationToken cancellationToken);

    /// <summary>Starts a stream and reads its first chunk; retries and fallbacks happen only before that chunk.</summary>
    ValueTask<Result<Routed<StartedStream>>> StreamAsync(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        ChatCompletionRequest request,
        CancellationToken cancellationToken);

    /// <summary>
    /// Runs any other call (embeddings, rerank, images, ...) under the same strategy, retries, cooldowns and
    /// fallbacks; <paramref name="attempt"/> gets the deployment and the time the attempt may take.
    /// </summary>
    ValueTask<Result<Routed<T>>> RunAsync<T>(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        Func<ModelDeployment, TimeSpan, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken);
}
