using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Rerank;

/// <summary>A provider that scores documents against a query.</summary>
public interface IRerankAdapter : IProviderCapability
{
    /// <summary>Scores <paramref name="documents"/>; results best first, at most <c>top_n</c>.</summary>
    ValueTask<Result<RerankResponse>> RerankAsync(
        ModelDeployment deployment,
        RerankRequest request,
        IReadOnlyList<string> documents,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
