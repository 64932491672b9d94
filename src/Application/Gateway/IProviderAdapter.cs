using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// Speaks one provider's wire format. Failures come back as <see cref="Error"/> values with the upstream's
/// status kept in <see cref="Error.StatusOverride"/>, so the router can decide whether to retry.
/// </summary>
public interface IProviderAdapter
{
    /// <summary>The provider prefixes this adapter serves, such as <c>openai</c> and <c>hosted_vllm</c>.</summary>
    IReadOnlyCollection<string> Providers { get; }

    ValueTask<Result<ChatCompletionResponse>> ChatAsync(ProviderCall call, CancellationToken cancellationToken);

    /// <summary>Starts a stream; a success means the upstream accepted the request (status 2xx).</summary>
    ValueTask<Result<IChatCompletionStream>> StreamChatAsync(ProviderCall call, CancellationToken cancellationToken);
}
