using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>Forwards a raw request to a deployment's base URL with the deployment's stored credential.</summary>
public interface IPassThroughForwarder
{
    /// <summary>The providers whose base URL and auth header the forwarder knows.</summary>
    IReadOnlyCollection<string> Providers { get; }

    /// <summary>Sends the request; any upstream status is a success here, only a failure to reach the upstream is an error.</summary>
    Task<Result<PassThroughResponse>> ForwardAsync(ModelDeployment deployment, PassThroughRequest request, CancellationToken cancellationToken);
}
