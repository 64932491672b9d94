using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Domain.Tests.Catalog;

public sealed class ModelDeploymentTests
{
    [TestCase("openai/gpt-4o", "openai", "gpt-4o")]
    [TestCase("Anthropic/claude-3-5-sonnet", "anthropic", "claude-3-5-sonnet")]
    [TestCase("gpt-4o", "openai", "gpt-4o")]
    [TestCase("bedrock/anthropic.claude-3-haiku-20240307-v1:0", "bedrock", "anthropic.claude-3-haiku-20240307-v1:0")]
    [TestCase("hosted_vllm/meta/llama-3", "hosted_vllm", "meta/llama-3")]
    public void SplitProvider_ReadsThePrefix(string qualified, string provider, string model)
    {
        ModelDeployment.SplitProvider(qualified).Should().Be((provider, model));
    }

    [TestCase("")]
    [TestCase("openai/")]
    public void SplitProvider_WithoutAModel_Throws(string qualified)
    {
        var act = () => ModelDeployment.SplitProvider(qualified);
        act.Should().Throw<DomainException>();
    }

    [Test]
    public void Create_WithNegativeWeight_Throws()
    {
        var act = () => ModelDeployment.Create("id", "m", "mock/x", new DeploymentSettings { Weight = -1 }, ModelPricing.Free);
        act.Should().Throw<DomainException>().WithMessage("*weight*");
    }

    [Test]
    public void Pricing_Cost_MultipliesTokensByPrices()
    {
        var pricing = new ModelPricing(0.000001m, 0.000002m);
        pricing.Cost(1000, 500).Should().Be(0.002m);
    }

    [Test]
    public void Pricing_NegativePrice_Throws()
    {
        var act = () => new ModelPricing(-1, 0);
        act.Should().Throw<DomainException>();
    }
}
