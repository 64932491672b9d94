namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>An image: <c>format</c> (png, jpeg, gif, webp) and its base64 bytes under <c>source.bytes</c>.</summary>
internal sealed record ConverseImage(string Format, ConverseImageSource Source);
