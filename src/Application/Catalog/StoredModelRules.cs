using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Catalog;

/// <summary>Only deployments added through the API can be changed or deleted through it.</summary>
internal static class StoredModelRules
{
    /// <summary>Null when the id names a stored deployment, else the error to return.</summary>
    public static Error? Check(IModelStore store, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return CatalogErrors.IdRequired;
        }

        var entry = store.Entries.FirstOrDefault(e => e.Deployment.Id == id);
        return entry is null ? CatalogErrors.NotFound(id)
            : !entry.Stored ? CatalogErrors.ReadOnly(id)
            : null;
    }
}
