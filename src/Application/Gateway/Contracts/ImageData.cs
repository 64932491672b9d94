namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One generated image: a URL or base64 PNG, and the prompt the model actually used.</summary>
public sealed record ImageData
{
    public string? Url { get; init; }

    public string? B64Json { get; init; }

    public string? RevisedPrompt { get; init; }
}
