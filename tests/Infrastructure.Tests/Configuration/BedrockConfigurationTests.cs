using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

public sealed class BedrockConfigurationTests
{
    private static string Config(string parameters) => $"""
        model_list:
          - model_name: claude
            litellm_params:
              model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
        {parameters}
        """;

    [Test]
    public void Parse_BedrockWithRegion_Loads()
    {
        var configuration = YamlConfigLoader.Parse(Config("      aws_region_name: eu-central-1"), "config.yaml");

        configuration.Deployments.Single().Settings.AwsRegionName.Should().Be("eu-central-1");
    }

    [Test]
    public void Parse_BedrockWithApiBaseOnly_Loads()
    {
        var configuration = YamlConfigLoader.Parse(Config("      api_base: http://127.0.0.1:9000"), "config.yaml");

        configuration.Deployments.Single().Provider.Should().Be("bedrock");
    }

    [Test]
    public void Parse_BedrockWithoutRegionOrApiBase_FailsNamingTheKeyAndLine()
    {
        var act = () => YamlConfigLoader.Parse(Config("      aws_access_key_id: AKIDEXAMPLE"), "config.yaml");

        act.Should().Throw<ConfigurationException>().WithMessage("config.yaml:4: *aws_region_name*required*");
    }

    [Test]
    public void Parse_BedrockWithMalformedRegion_FailsNamingTheKeyLineAndValue()
    {
        var act = () => YamlConfigLoader.Parse(Config("      aws_region_name: US East 1"), "config.yaml");

        act.Should().Throw<ConfigurationException>().WithMessage("config.yaml:5: 'model_list[0].litellm_params.aws_region_name' must be an AWS region*US East 1*");
    }

    [Test]
    public void KnownProviders_TranslatedProviders_AreAllListed() =>
        YamlConfigLoader.KnownProviders.Should().Contain(["anthropic", "gemini", "bedrock", "ollama", "ollama_chat"]);
}
