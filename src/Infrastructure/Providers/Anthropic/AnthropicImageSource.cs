namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>An image's <c>source</c>: <c>base64</c> with media type and data, or <c>url</c>.</summary>
internal sealed record AnthropicImageSource
{
    public required string Type { get; init; }

    public string? MediaType { get; init; }

    public string? Data { get; init; }

    public string? Url { get; init; }
}
