using LlmPlatform.Domain.Common;

namespace LlmPlatform.Domain.Catalog;

/// <summary>USD prices per token of one deployment.</summary>
public sealed record ModelPricing
{
    public ModelPricing(decimal inputCostPerToken, decimal outputCostPerToken)
    {
        if (inputCostPerToken < 0 || outputCostPerToken < 0)
        {
            throw new DomainException("Token prices cannot be negative.");
        }

        InputCostPerToken = inputCostPerToken;
        OutputCostPerToken = outputCostPerToken;
    }

    public static ModelPricing Free { get; } = new(0, 0);

    public decimal InputCostPerToken { get; }

    public decimal OutputCostPerToken { get; }

    public decimal Cost(long promptTokens, long completionTokens) =>
        (promptTokens * InputCostPerToken) + (completionTokens * OutputCostPerToken);
}
