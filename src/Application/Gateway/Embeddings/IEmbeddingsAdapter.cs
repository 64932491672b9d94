using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Embeddings;

/// <summary>A provider that embeds text; the answer honours <c>encoding_format</c> and <c>dimensions</c>.</summary>
public interface IEmbeddingsAdapter : IProviderCapability
{
    ValueTask<Result<EmbeddingsResponse>> EmbedAsync(
        ModelDeployment deployment,
        EmbeddingsRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
