using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Moderations;

/// <summary>A provider that classifies text for safety.</summary>
public interface IModerationsAdapter : IProviderCapability
{
    ValueTask<Result<ModerationResponse>> ModerateAsync(
        ModelDeployment deployment,
        ModerationRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
