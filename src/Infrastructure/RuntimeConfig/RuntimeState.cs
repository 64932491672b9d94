using System.Text.Json.Nodes;
using LlmPlatform.Domain.Access;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>The stored run-time configuration as loaded at one version; replaced whole on every reload.</summary>
internal sealed record RuntimeState(long Version, IReadOnlyList<Credential> Credentials, IReadOnlyList<StoredModel> Models, JsonObject RouterOverride)
{
    public static RuntimeState Empty { get; } = new(-1, [], [], new JsonObject());
}
