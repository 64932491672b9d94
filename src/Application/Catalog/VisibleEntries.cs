using LlmPlatform.Application.Access.Authentication;

namespace LlmPlatform.Application.Catalog;

/// <summary>The deployments a caller may see: all of them for admins and admin viewers, else those of the models its key may use.</summary>
internal static class VisibleEntries
{
    public static IEnumerable<CatalogEntry> Of(IModelStore store, CallerIdentity caller)
    {
        var all = caller.IsAdmin || caller.Role == Roles.ProxyAdminViewer;
        return store.Entries.Where(e => all || caller.MayUseModel(e.Deployment.ModelName));
    }
}
