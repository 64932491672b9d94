using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Catalog;

/// <summary>The model groups of the configuration file, in file order, with <c>model_group_alias</c> applied.</summary>
internal sealed class ConfigModelCatalog : IModelCatalog
{
    private readonly Dictionary<string, IReadOnlyList<ModelDeployment>> _groups;
    private readonly IReadOnlyDictionary<string, string> _aliases;

    public ConfigModelCatalog(PlatformConfiguration configuration)
    {
        AllDeployments = configuration.Deployments;
        _aliases = configuration.Router.ModelGroupAlias;
        _groups = new Dictionary<string, IReadOnlyList<ModelDeployment>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var deployment in configuration.Deployments)
        {
            if (!_groups.TryGetValue(deployment.ModelName, out var list))
            {
                list = new List<ModelDeployment>();
                _groups[deployment.ModelName] = list;
                order.Add(deployment.ModelName);
            }

            ((List<ModelDeployment>)list).Add(deployment);
        }

        ModelGroups = order;
    }

    public IReadOnlyList<string> ModelGroups { get; }

    public IReadOnlyList<ModelDeployment> AllDeployments { get; }

    public bool TryResolve(string requestedModel, out string modelGroup, out IReadOnlyList<ModelDeployment> deployments)
    {
        modelGroup = requestedModel;
        if (_groups.TryGetValue(requestedModel, out deployments!))
        {
            return true;
        }

        if (_aliases.TryGetValue(requestedModel, out var target) && _groups.TryGetValue(target, out deployments!))
        {
            modelGroup = target;
            return true;
        }

        deployments = [];
        return false;
    }
}
