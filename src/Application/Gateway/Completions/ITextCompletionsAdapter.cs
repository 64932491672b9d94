using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>
/// A provider that speaks the legacy text completions endpoint itself. Providers without one get the request
/// translated to a chat call by the handler.
/// </summary>
public interface ITextCompletionsAdapter : IProviderCapability
{
    ValueTask<Result<TextCompletionResponse>> CompleteAsync(
        ModelDeployment deployment,
        TextCompletionRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken);

    /// <summary>Starts a stream; a success means the upstream accepted the request.</summary>
    ValueTask<Result<ITextCompletionStream>> StreamAsync(
        ModelDeployment deployment,
        TextCompletionRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
