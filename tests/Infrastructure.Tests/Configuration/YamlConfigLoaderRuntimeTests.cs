using System.Text.Json;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

public sealed class YamlConfigLoaderRuntimeTests
{
    [Test]
    public void Parse_CredentialList_ResolvesEnvironmentReferences()
    {
        const string yaml = """
            credential_list:
              - credential_name: azure-cred
                credential_values:
                  api_key: os.environ/AZURE_KEY
                  api_base: https://azure.example
                credential_info:
                  description: production
            """;

        var configuration = YamlConfigLoader.Parse(yaml, "config.yaml", name => name == "AZURE_KEY" ? "sk-from-env-123456" : null);

        var credential = configuration.Credentials.Should().ContainSingle().Subject;
        credential.Name.Should().Be("azure-cred");
        credential.Values["api_key"].Should().Be("sk-from-env-123456");
        JsonDocument.Parse(credential.InfoJson).RootElement.GetProperty("description").GetString().Should().Be("production");
    }

    [Test]
    public void Parse_CredentialWithoutName_FailsNamingTheEntry()
    {
        const string yaml = """
            credential_list:
              - credential_values: {api_key: sk-1}
            """;

        var act = () => YamlConfigLoader.Parse(yaml, "config.yaml", _ => null);

        act.Should().Throw<ConfigurationException>().WithMessage("*credential_list[0].credential_name*");
    }

    [Test]
    public void ParseModel_FromJson_UsesTheFileRulesAndNamesTheField()
    {
        using var body = JsonDocument.Parse("""{"model_name":"m","litellm_params":{"model":"openai/gpt","rpm":-1}}""");

        var act = () => YamlConfigLoader.ParseModel(body.RootElement, (_, _) => "id-1", [], _ => null);

        act.Should().Throw<ConfigurationException>().Which.Key.Should().Be("litellm_params.rpm");
    }

    [Test]
    public void ParseModel_FromJson_ReadsSettingsAndPrices()
    {
        using var body = JsonDocument.Parse("""
            {"model_name":"m","litellm_params":{"model":"openai/gpt","rpm":5,"api_base":"http://x/v1/","litellm_credential_name":"c"},
             "model_info":{"input_cost_per_token":0.5,"mode":"chat"}}
            """);

        var deployment = YamlConfigLoader.ParseModel(body.RootElement, (_, _) => "id-1", [], _ => null);

        deployment.Id.Should().Be("id-1");
        deployment.Settings.Rpm.Should().Be(5);
        deployment.Settings.ApiBase.Should().Be("http://x/v1");
        deployment.Settings.CredentialName.Should().Be("c");
        deployment.Pricing.InputCostPerToken.Should().Be(0.5m);
    }

    [Test]
    public void ParseRouter_AppliesOverTheStartAndRejectsUnknownStrategy()
    {
        using var good = JsonDocument.Parse("""{"num_retries":0,"routing_strategy":"least-busy"}""");
        var start = new RouterSettings { AllowedFails = 7 };

        var settings = YamlConfigLoader.ParseRouter(good.RootElement, start, []);

        settings.NumRetries.Should().Be(0);
        settings.RoutingStrategy.Should().Be("least-busy");
        settings.AllowedFails.Should().Be(7);

        using var bad = JsonDocument.Parse("""{"routing_strategy":"random"}""");
        var act = () => YamlConfigLoader.ParseRouter(bad.RootElement, start, []);
        act.Should().Throw<ConfigurationException>().Which.Key.Should().Be("routing_strategy");
    }
}
