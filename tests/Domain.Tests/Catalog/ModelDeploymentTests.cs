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

    [TestCase("openai/gpt-4o", null, null, true)]
    [TestCase("anthropic/claude", null, null, true)]
    [TestCase("openai/gpt-4o", "http://models.internal/v1", null, false)]
    [TestCase("hosted_vllm/llama", "http://vllm.internal/v1", true, true)]
    [TestCase("openai/gpt-4o", null, false, false)]
    [TestCase("bedrock/anthropic.claude", null, null, false)]
    [TestCase("mock/m", null, null, false)]
    public void TakesUserProviderKeys_OnlyForThePublicEndpoint_UnlessTheDeploymentSays(string model, string? apiBase, bool? allow, bool takes)
    {
        var deployment = ModelDeployment.Create("id", "m", model, new DeploymentSettings { ApiBase = apiBase, AllowUserProviderKeys = allow }, ModelPricing.Free);

        deployment.TakesUserProviderKeys.Should().Be(takes);
    }

    [Test]
    public void WithUserKey_CallsWithTheKey_UnderTheSameId_ButKeepsItsHealthApart()
    {
        var deployment = ModelDeployment.Create("dep-1", "m", "openai/gpt-4o", new DeploymentSettings { ApiKey = "sk-platform", CredentialName = "shared" }, ModelPricing.Free);

        var mine = deployment.WithUserKey("sk-mine", "user-1");

        mine.Id.Should().Be("dep-1");
        mine.Settings.ApiKey.Should().Be("sk-mine");
        mine.Settings.CredentialName.Should().BeNull();
        deployment.HealthKey.Should().Be("dep-1");
        mine.HealthKey.Should().NotBe(deployment.HealthKey).And.NotBe(deployment.WithUserKey("sk-theirs", "user-2").HealthKey);
        ModelDeployment.IsPerUserHealthKey(mine.HealthKey).Should().BeTrue();
        ModelDeployment.IsPerUserHealthKey(deployment.HealthKey).Should().BeFalse();
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
