using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>The providers whose deployments speak OpenAI's fine-tuning API (files and fine_tuning/jobs under api_base).</summary>
public static class FineTuningProviders
{
    public static IReadOnlyList<string> Supported { get; } = ["openai", "hosted_vllm", "openai_compatible", "vllm"];

    public static bool Supports(ModelDeployment deployment) => Supported.Contains(deployment.Provider, StringComparer.Ordinal);
}
