namespace LlmPlatform.Application.Operations.Callbacks.ListCallbacks;

/// <summary>One callback: its name, when it runs and where it comes from.</summary>
public sealed record CallbackInfo
{
    public required string CallbackName { get; init; }

    /// <summary><c>success</c>, <c>failure</c> or <c>success_and_failure</c> (LiteLLM's groups).</summary>
    public required string CallbackType { get; init; }

    /// <summary><c>config</c> (named in <c>litellm_settings</c>) or <c>built_in</c>.</summary>
    public required string Source { get; init; }

    public required string Description { get; init; }
}
