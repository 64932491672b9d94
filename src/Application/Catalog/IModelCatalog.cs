using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Catalog;

/// <summary>The deployments that are routable now, grouped by public model name.</summary>
public interface IModelCatalog
{
    IReadOnlyList<string> ModelGroups { get; }

    IReadOnlyList<ModelDeployment> AllDeployments { get; }

    /// <summary>Resolves aliases (<c>model_group_alias</c>) and returns the group's name and its deployments.</summary>
    bool TryResolve(string requestedModel, out string modelGroup, out IReadOnlyList<ModelDeployment> deployments);
}
