using System.Text.Json;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Operations.Routing;

/// <summary>
/// The router settings in force: the file's <c>router_settings</c> with the stored run-time changes applied over
/// them. A change takes effect on every node without a restart.
/// </summary>
public interface IRouterSettingsStore
{
    RouterSettings Current { get; }

    /// <summary>The settings that would be in force with <paramref name="changes"/> applied, validated by the file's rules.</summary>
    Result<RouterSettings> Preview(JsonElement changes);

    /// <summary>Stores the changes over those stored before and applies them.</summary>
    Task<Result<RouterSettings>> SaveAsync(JsonElement changes, CancellationToken cancellationToken);
}
