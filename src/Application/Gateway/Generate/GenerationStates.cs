namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>The states of a tracked generation.</summary>
public static class GenerationStates
{
    public const string Running = "running";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";
}
