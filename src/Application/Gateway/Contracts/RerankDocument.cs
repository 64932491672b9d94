namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record RerankDocument
{
    public required string Text { get; init; }
}
