using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>The expected failures of the model lifecycle.</summary>
public static class LifecycleErrors
{
    public static Error ModelNotFound(string model) =>
        new(ErrorKind.NotFound, "model_not_found", $"The model '{model}' does not exist or is not configured on this gateway.", "model");

    /// <summary>What a call to an unloaded model answers (503: it can be loaded again).</summary>
    public static Error ModelUnloaded(string model) =>
        new(ErrorKind.Unavailable, "model_unloaded", $"The model '{model}' is unloaded; load it with POST /v1/models/{model}/load.", "model");
}
