using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>The stored model deployments by their Connector integer ids; they change through the catalog's commands.</summary>
public interface IConnectorModelStore
{
    Task<ConnectorModel?> FindAsync(long id, CancellationToken cancellationToken);

    Task<ConnectorModel?> FindByDeploymentAsync(string deploymentId, CancellationToken cancellationToken);

    Task<ConnectorPage<ConnectorModel>> ListAsync(ConnectorPaging paging, CancellationToken cancellationToken);
}
