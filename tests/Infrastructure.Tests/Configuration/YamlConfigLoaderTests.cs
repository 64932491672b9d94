using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

public sealed class YamlConfigLoaderTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["OPENAI_API_KEY"] = "sk-from-env",
        ["AZURE_API_KEY"] = "azure-secret",
    };

    private static Application.Configuration.PlatformConfiguration Load(string yaml) =>
        YamlConfigLoader.Parse(yaml, "config.yaml", name => Environment.GetValueOrDefault(name));

    /// <summary>A LiteLLM proxy configuration as its users write it; it must load unchanged.</summary>
    private const string LiteLlmSample = """
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
              rpm: 600
              tpm: 100000
              timeout: 30
              stream_timeout: 10
              max_retries: 3
          - model_name: gpt-4o
            litellm_params:
              model: azure/gpt-4o-eu
              api_base: https://example-eu.openai.azure.com
              api_key: os.environ/AZURE_API_KEY
              api_version: "2024-10-21"
              weight: 2
            model_info:
              id: azure-eu
              input_cost_per_token: 0.0000025
              output_cost_per_token: 0.00001
              max_tokens: 16384
              max_input_tokens: 128000
              mode: chat
          - model_name: claude
            params:
              model: anthropic/claude-3-5-sonnet-20241022
              api_key: sk-ant-literal
          - model_name: local-llama
            litellm_params:
              model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct
              api_base: http://127.0.0.1:8000/v1
          - model_name: titan
            litellm_params:
              model: bedrock/amazon.titan-text-express-v1
              aws_region_name: us-east-1

        router_settings:
          routing_strategy: usage-based-routing-v2
          num_retries: 4
          timeout: 60
          allowed_fails: 2
          cooldown_time: 30
          fallbacks: [{"gpt-4o": ["claude"]}]
          context_window_fallbacks: [{"gpt-4o": ["claude"]}]
          model_group_alias: {"gpt-4": "gpt-4o"}

        litellm_settings:
          drop_params: True
          num_retries: 3
          request_timeout: 600
          success_callback: ["prometheus"]
          cache: true
          cache_params:
            type: redis
            ttl: 300

        general_settings:
          master_key: sk-1234
          database_url: postgresql://u:p@localhost:5432/litellm
        """;

    [Test]
    public void Parse_LiteLlmSample_LoadsEveryDeploymentAndSetting()
    {
        var config = Load(LiteLlmSample);

        config.Deployments.Should().HaveCount(5);
        var openai = config.Deployments[0];
        openai.ModelName.Should().Be("gpt-4o");
        openai.Provider.Should().Be("openai");
        openai.UpstreamModel.Should().Be("gpt-4o");
        openai.Settings.ApiKey.Should().Be("sk-from-env");
        openai.Settings.Rpm.Should().Be(600);
        openai.Settings.Tpm.Should().Be(100000);
        openai.Settings.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        openai.Settings.StreamTimeout.Should().Be(TimeSpan.FromSeconds(10));
        openai.Settings.MaxRetries.Should().Be(3);
        openai.Pricing.InputCostPerToken.Should().Be(2.50m / 1_000_000m, "gpt-4o is in the built-in price table");

        var azure = config.Deployments[1];
        azure.Id.Should().Be("azure-eu");
        azure.Provider.Should().Be("azure");
        azure.Settings.ApiVersion.Should().Be("2024-10-21");
        azure.Settings.Weight.Should().Be(2);
        azure.Settings.MaxInputTokens.Should().Be(128000);
        azure.Pricing.OutputCostPerToken.Should().Be(0.00001m);

        config.Deployments[2].Provider.Should().Be("anthropic", "'params' is a synonym of 'litellm_params'");
        config.Deployments[3].UpstreamModel.Should().Be("meta-llama/Llama-3.1-8B-Instruct");
        config.Deployments[3].Settings.ApiBase.Should().Be("http://127.0.0.1:8000/v1");
        config.Deployments[4].Settings.AwsRegionName.Should().Be("us-east-1");

        config.Router.RoutingStrategy.Should().Be("usage-based-routing-v2");
        config.Router.NumRetries.Should().Be(4);
        config.Router.AllowedFails.Should().Be(2);
        config.Router.CooldownTime.Should().Be(TimeSpan.FromSeconds(30));
        config.Router.Fallbacks["gpt-4o"].Should().Equal("claude");
        config.Router.ContextWindowFallbacks["gpt-4o"].Should().Equal("claude");
        config.Router.ModelGroupAlias["gpt-4"].Should().Be("gpt-4o");

        config.Gateway.DropParams.Should().BeTrue();
        config.Gateway.CacheEnabled.Should().BeTrue();
        config.Gateway.CacheTtl.Should().Be(TimeSpan.FromSeconds(300));
        config.Gateway.Callbacks.Should().Equal("prometheus");
        config.General.MasterKey.Should().Be("sk-1234");
        config.General.DatabaseUrl.Should().StartWith("postgresql://");
        config.Warnings.Should().BeEmpty();
    }

    [Test]
    public void Parse_DeploymentsWithoutId_GetStableDistinctIds()
    {
        var first = Load(LiteLlmSample);
        var second = Load(LiteLlmSample);

        first.Deployments.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        first.Deployments.Select(d => d.Id).Should().Equal(second.Deployments.Select(d => d.Id));
    }

    [Test]
    public void Parse_UnknownKeys_AreWarningsNamingTheLine()
    {
        var config = Load("""
            model_list:
              - model_name: m
                litellm_params:
                  model: mock/m
                  shiny_new_option: 1
            surprise_section:
              a: 1
            """);

        config.Deployments.Should().HaveCount(1);
        config.Warnings.Should().Contain(w => w.Contains("config.yaml:5") && w.Contains("shiny_new_option"));
        config.Warnings.Should().Contain(w => w.Contains("config.yaml:6") && w.Contains("surprise_section"));
    }

    [Test]
    public void Parse_MissingEnvironmentVariable_IsAWarning()
    {
        var config = Load("""
            model_list:
              - model_name: m
                litellm_params:
                  model: openai/gpt-4o
                  api_key: os.environ/NOT_SET_ANYWHERE
            """);

        config.Deployments[0].Settings.ApiKey.Should().BeNull();
        config.Warnings.Should().ContainSingle(w => w.Contains("NOT_SET_ANYWHERE"));
    }

    [Test]
    public void Parse_EmptyFile_HasNoModels()
    {
        Load(string.Empty).Deployments.Should().BeEmpty();
    }

    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n      rpm: lots\n", 5, "litellm_params.rpm")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n      tpm: -5\n", 5, "litellm_params.tpm")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n      timeout: 0\n", 5, "litellm_params.timeout")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n      weight: heavy\n", 5, "litellm_params.weight")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n    model_info:\n      input_cost_per_token: -1\n", 6, "model_info.input_cost_per_token")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: mock/m\n    model_info:\n      mode: dance\n", 6, "model_info.mode")]
    [TestCase("model_list:\n  - litellm_params:\n      model: mock/m\n", 2, "model_name")]
    [TestCase("model_list:\n  - model_name: m\n", 2, "litellm_params")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      api_base: http://x\n", 4, "litellm_params.model")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: azure/gpt-4o\n", 4, "api_base")]
    [TestCase("model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/x\n      api_base: ftp://nope\n", 5, "api_base")]
    [TestCase("model_list: 5\n", 1, "model_list")]
    [TestCase("router_settings:\n  routing_strategy: fastest\n", 2, "router_settings.routing_strategy")]
    [TestCase("router_settings:\n  num_retries: many\n", 2, "router_settings.num_retries")]
    [TestCase("router_settings:\n  fallbacks: 3\n", 2, "router_settings.fallbacks")]
    [TestCase("litellm_settings:\n  drop_params: maybe\n", 2, "litellm_settings.drop_params")]
    [TestCase("general_settings:\n  max_request_size_mb: 0\n", 2, "general_settings.max_request_size_mb")]
    [TestCase("general_settings: [1, 2]\n", 1, "general_settings")]
    public void Parse_WrongValue_FailsNamingTheKeyAndLine(string yaml, int line, string key)
    {
        var act = () => Load(yaml);

        act.Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain($"config.yaml:{line}:").And.Contain(key);
    }

    [Test]
    public void Parse_InvalidYaml_FailsNamingTheLine()
    {
        var act = () => Load("model_list:\n  - model_name: [unclosed\n");
        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("config.yaml:").And.Contain("not valid YAML");
    }

    [Test]
    public void Parse_DuplicateDeploymentIds_Fails()
    {
        var act = () => Load("""
            model_list:
              - model_name: a
                litellm_params: {model: mock/a}
                model_info: {id: same}
              - model_name: b
                litellm_params: {model: mock/b}
                model_info: {id: same}
            """);
        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("same");
    }

    [Test]
    public void LoadFile_MissingFile_FailsNamingThePath()
    {
        var act = () => YamlConfigLoader.LoadFile("/nonexistent/llmplatform.yaml");
        act.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("/nonexistent/llmplatform.yaml");
    }

    [Test]
    public void LoadFile_DemoConfig_LoadsWithoutWarnings()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "config", "demo.yaml");
        var config = YamlConfigLoader.LoadFile(path);

        config.Deployments.Should().NotBeEmpty().And.OnlyContain(d => d.Provider == "mock");
        config.Warnings.Should().BeEmpty();
        config.General.MasterKey.Should().NotBeNullOrEmpty();
    }
}
