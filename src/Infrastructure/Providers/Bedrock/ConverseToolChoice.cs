namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>A union: <c>{"auto":{}}</c>, <c>{"any":{}}</c> or <c>{"tool":{"name":...}}</c>.</summary>
internal sealed record ConverseToolChoice
{
    public ConverseEmpty? Auto { get; init; }

    public ConverseEmpty? Any { get; init; }

    public ConverseNamedTool? Tool { get; init; }
}
