namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>One part of a message: text, or an image URL (a <c>data:</c> URL or a web address).</summary>
internal sealed record ContentPart(string? Text, string? ImageUrl);
