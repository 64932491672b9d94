using System.Text.Json;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Catalog;

/// <summary>
/// The deployments in force (the configuration file's and the stored ones, from memory) and the storage of those
/// added through the API. Entries are validated by the same rules as the file's <c>model_list</c>; changes take
/// effect on every node without a restart.
/// </summary>
public interface IModelStore
{
    IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>Validates and stores <c>{model_name, litellm_params, model_info}</c>; a used id is a conflict.</summary>
    Task<Result<CatalogEntry>> AddAsync(JsonElement entry, CancellationToken cancellationToken);

    /// <summary>Applies the given fields over a stored deployment (<c>litellm_params</c> and <c>model_info</c> merge key by key).</summary>
    Task<Result<CatalogEntry>> UpdateAsync(string id, JsonElement changes, CancellationToken cancellationToken);

    Task<Result<Unit>> DeleteAsync(string id, CancellationToken cancellationToken);
}
