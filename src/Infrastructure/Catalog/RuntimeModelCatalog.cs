using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Catalog;

/// <summary>
/// The configuration file's deployments and those stored in the database, as one catalog. Starts with the file's
/// alone; the run-time configuration replaces the snapshot whenever models, credentials or aliases change.
/// </summary>
internal sealed class RuntimeModelCatalog : IModelCatalog
{
    private volatile CatalogSnapshot _snapshot;

    public RuntimeModelCatalog(PlatformConfiguration configuration)
    {
        _snapshot = CatalogSnapshot.FromFile(configuration.Deployments, configuration.Credentials, configuration.Router.ModelGroupAlias);
    }

    public CatalogSnapshot Snapshot => _snapshot;

    public IReadOnlyList<string> ModelGroups => _snapshot.ModelGroups;

    public IReadOnlyList<ModelDeployment> AllDeployments => _snapshot.AllDeployments;

    public bool TryResolve(string requestedModel, out string modelGroup, out IReadOnlyList<ModelDeployment> deployments) =>
        _snapshot.TryResolve(requestedModel, out modelGroup, out deployments);

    public void Replace(CatalogSnapshot snapshot) => _snapshot = snapshot;
}
