using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Domain.Tests.Catalog;

public sealed class ModelDeploymentCredentialTests
{
    private static readonly Credential Azure = Credential.Create(
        "azure",
        new Dictionary<string, string?> { ["api_key"] = "sk-from-credential", ["api_base"] = "https://cred.example/", ["api_version"] = "2024-06-01" },
        null).Value;

    [Test]
    public void WithCredential_FillsWhatTheDeploymentLeavesUnset()
    {
        var deployment = ModelDeployment.Create("d1", "gpt", "azure/gpt-4o", new DeploymentSettings { CredentialName = "azure" }, ModelPricing.Free);

        var resolved = deployment.WithCredential(Azure);

        resolved.Settings.ApiKey.Should().Be("sk-from-credential");
        resolved.Settings.ApiBase.Should().Be("https://cred.example");
        resolved.Settings.ApiVersion.Should().Be("2024-06-01");
        resolved.Id.Should().Be("d1");
        resolved.Provider.Should().Be("azure");
        deployment.Settings.ApiKey.Should().BeNull("the original is not changed");
    }

    [Test]
    public void WithCredential_KeepsExplicitParams()
    {
        var deployment = ModelDeployment.Create("d1", "gpt", "azure/gpt-4o", new DeploymentSettings { CredentialName = "azure", ApiKey = "sk-explicit", ApiBase = "https://own" }, ModelPricing.Free);

        var resolved = deployment.WithCredential(Azure);

        resolved.Settings.ApiKey.Should().Be("sk-explicit");
        resolved.Settings.ApiBase.Should().Be("https://own");
    }
}
