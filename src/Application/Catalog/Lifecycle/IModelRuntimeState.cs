namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>
/// The runtime state of model groups: hosted models are loaded from the start; an unloaded group refuses calls until
/// it is loaded again.
/// </summary>
public interface IModelRuntimeState
{
    ModelRuntime Of(string modelGroup);

    bool IsUnloaded(string modelGroup);

    ModelRuntime Load(string modelGroup, DateTimeOffset now);

    ModelRuntime Unload(string modelGroup, DateTimeOffset now);
}
