namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record RerankResult
{
    public int Index { get; init; }

    public double RelevanceScore { get; init; }

    public RerankDocument? Document { get; init; }
}
