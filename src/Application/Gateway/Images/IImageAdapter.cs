using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Images;

/// <summary>A provider that generates images.</summary>
public interface IImageAdapter : IProviderCapability
{
    ValueTask<Result<ImageResponse>> GenerateAsync(
        ModelDeployment deployment,
        ImageRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
