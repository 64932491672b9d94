using LlmPlatform.Domain.Access;

namespace LlmPlatform.Domain.Tests.Access;

public sealed class CredentialTests
{
    [Test]
    public void Create_WithoutName_IsAValidationErrorNamingTheField()
    {
        var result = Credential.Create(" ", new Dictionary<string, string?> { ["api_key"] = "sk-1" }, null);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Param.Should().Be("credential_name");
    }

    [Test]
    public void Create_WithoutValues_IsAValidationError()
    {
        var result = Credential.Create("azure", new Dictionary<string, string?>(), null);

        result.Error!.Param.Should().Be("credential_values");
    }

    [Test]
    public void Update_ReplacesGivenValues_RemovesNulls_KeepsTheRest()
    {
        var credential = Credential.Create("azure", new Dictionary<string, string?> { ["api_key"] = "old", ["api_base"] = "https://a", ["api_version"] = "1" }, """{"description":"x"}""").Value;

        var updated = credential.Update(new Dictionary<string, string?> { ["api_key"] = "new", ["api_version"] = null }, null).Value;

        updated.Values.Should().BeEquivalentTo(new Dictionary<string, string> { ["api_key"] = "new", ["api_base"] = "https://a" });
        updated.InfoJson.Should().Be("""{"description":"x"}""");
    }

    [TestCase("api_key", "sk-live-0123456789abcd", "sk-...abcd")]
    [TestCase("api_key", "short", "****")]
    [TestCase("aws_secret_access_key", "wJalrXUtnFEMIK7MDENGbPxRfiCY", "wJ...fiCY")]
    [TestCase("api_base", "https://example.test/v1", "https://example.test/v1")]
    public void Mask_ShowsSecretsOnlyByTheirEnds(string field, string value, string expected)
    {
        Credential.Mask(field, value).Should().Be(expected);
    }
}
