using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>Built-in USD prices per token for well-known models, used when <c>model_info</c> names none.</summary>
internal static class PriceTable
{
    private static readonly Dictionary<string, ModelPricing> Prices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = Per1M(2.50m, 10.00m),
        ["gpt-4o-mini"] = Per1M(0.15m, 0.60m),
        ["gpt-4.1"] = Per1M(2.00m, 8.00m),
        ["gpt-4.1-mini"] = Per1M(0.40m, 1.60m),
        ["gpt-4.1-nano"] = Per1M(0.10m, 0.40m),
        ["gpt-4-turbo"] = Per1M(10.00m, 30.00m),
        ["gpt-4"] = Per1M(30.00m, 60.00m),
        ["gpt-3.5-turbo"] = Per1M(0.50m, 1.50m),
        ["o1"] = Per1M(15.00m, 60.00m),
        ["o3-mini"] = Per1M(1.10m, 4.40m),
        ["text-embedding-3-small"] = Per1M(0.02m, 0m),
        ["text-embedding-3-large"] = Per1M(0.13m, 0m),
        ["claude-3-5-sonnet-20241022"] = Per1M(3.00m, 15.00m),
        ["claude-3-5-haiku-20241022"] = Per1M(0.80m, 4.00m),
        ["claude-3-opus-20240229"] = Per1M(15.00m, 75.00m),
        ["claude-sonnet-4-20250514"] = Per1M(3.00m, 15.00m),
        ["gemini-1.5-pro"] = Per1M(1.25m, 5.00m),
        ["gemini-1.5-flash"] = Per1M(0.075m, 0.30m),
        ["gemini-2.0-flash"] = Per1M(0.10m, 0.40m),
    };

    public static ModelPricing Lookup(string providerQualifiedModel)
    {
        var (_, model) = ModelDeployment.SplitProvider(providerQualifiedModel);
        return Prices.TryGetValue(model, out var price) ? price : ModelPricing.Free;
    }

    private static ModelPricing Per1M(decimal input, decimal output) => new(input / 1_000_000m, output / 1_000_000m);
}
