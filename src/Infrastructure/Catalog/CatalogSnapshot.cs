using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Catalog;

/// <summary>
/// An immutable view of the routable deployments, grouped by public model name in order of appearance, with
/// aliases and with each deployment's named credential filled in. Replaced whole when anything changes, so the
/// hot path reads it without locks.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, IReadOnlyList<ModelDeployment>> _groups;
    private readonly IReadOnlyDictionary<string, string> _aliases;

    public CatalogSnapshot(IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<string, string> aliases)
    {
        Entries = entries;
        AllDeployments = entries.Select(e => e.Deployment).ToList();
        _aliases = aliases;
        _groups = new Dictionary<string, IReadOnlyList<ModelDeployment>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var deployment in AllDeployments)
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

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public IReadOnlyList<string> ModelGroups { get; }

    public IReadOnlyList<ModelDeployment> AllDeployments { get; }

    /// <summary>The configuration file's deployments alone, with its own credentials.</summary>
    public static CatalogSnapshot FromFile(IReadOnlyList<ModelDeployment> deployments, IReadOnlyList<Credential> credentials, IReadOnlyDictionary<string, string> aliases) =>
        new(WithCredentials(deployments.Select(d => new CatalogEntry(d, false, null, null)), credentials), aliases);

    /// <summary>Fills each deployment's <c>litellm_credential_name</c> from the credentials given; an unknown name leaves it as it is.</summary>
    public static IReadOnlyList<CatalogEntry> WithCredentials(IEnumerable<CatalogEntry> entries, IReadOnlyList<Credential> credentials)
    {
        var byName = new Dictionary<string, Credential>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            byName[credential.Name] = credential;
        }

        return entries
            .Select(e => e.Deployment.Settings.CredentialName is { } name && byName.TryGetValue(name, out var credential)
                ? e with { Deployment = e.Deployment.WithCredential(credential) }
                : e)
            .ToList();
    }

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
