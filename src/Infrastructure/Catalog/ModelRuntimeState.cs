using System.Collections.Concurrent;
using LlmPlatform.Application.Catalog.Lifecycle;

namespace LlmPlatform.Infrastructure.Catalog;

/// <summary>
/// The runtime state of model groups, in this process: every group is loaded from start-up until it is unloaded.
/// Hosted providers need no warm-up, so loading is immediate. The state is per node and starts afresh on restart.
/// </summary>
internal sealed class ModelRuntimeState : IModelRuntimeState
{
    private readonly ConcurrentDictionary<string, ModelRuntime> _changed = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;

    public ModelRuntimeState(TimeProvider time)
    {
        _startedAt = time.GetUtcNow();
    }

    public ModelRuntime Of(string modelGroup) =>
        _changed.TryGetValue(modelGroup, out var runtime) ? runtime : new ModelRuntime(true, _startedAt);

    public bool IsUnloaded(string modelGroup) =>
        !_changed.IsEmpty && _changed.TryGetValue(modelGroup, out var runtime) && !runtime.Loaded;

    public ModelRuntime Load(string modelGroup, DateTimeOffset now) =>
        _changed.AddOrUpdate(modelGroup, _ => new ModelRuntime(true, now), (_, old) => old.Loaded ? old : new ModelRuntime(true, now));

    public ModelRuntime Unload(string modelGroup, DateTimeOffset now) =>
        _changed.AddOrUpdate(modelGroup, _ => new ModelRuntime(false, now), (_, old) => old.Loaded ? new ModelRuntime(false, now) : old);
}
