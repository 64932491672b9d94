using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

/// <summary><c>litellm_settings.cache</c> and <c>cache_params</c> as LiteLLM writes them.</summary>
public sealed class CacheParamsTests
{
    private static Application.Configuration.PlatformConfiguration Load(string yaml) =>
        YamlConfigLoader.Parse(yaml, "config.yaml", _ => null);

    [Test]
    public void Parse_CacheParams_ReadsTypeTtlNamespaceCallTypesAndMemoryBound()
    {
        var config = Load("""
            litellm_settings:
              cache: true
              cache_params:
                type: redis
                ttl: 120
                namespace: "litellm.caching"
                supported_call_types: ["acompletion", "aembedding"]
                max_size_in_memory: 50
            """);

        var gateway = config.Gateway;
        gateway.CacheEnabled.Should().BeTrue();
        gateway.CacheType.Should().Be("redis");
        gateway.CacheTtl.Should().Be(TimeSpan.FromSeconds(120));
        gateway.CacheNamespace.Should().Be("litellm.caching");
        gateway.CacheCallTypes.Should().Equal("acompletion", "aembedding");
        gateway.CacheMaxEntries.Should().Be(50);
        config.Warnings.Should().BeEmpty();
    }

    [Test]
    public void Parse_CacheTtl_MayBeLongerThanATimerTakes()
    {
        var gateway = Load("litellm_settings:\n  cache: true\n  cache_params:\n    ttl: 2592000\n").Gateway;

        gateway.CacheTtl.Should().Be(TimeSpan.FromDays(30));
    }

    [Test]
    public void Parse_WithoutCacheParams_DefaultsToTenMinutesAndEveryCallType()
    {
        var gateway = Load("litellm_settings:\n  cache: true\n").Gateway;

        gateway.CacheTtl.Should().Be(TimeSpan.FromMinutes(10));
        gateway.CacheType.Should().BeNull();
        gateway.CacheCallTypes.Should().BeEmpty();
    }

    [Test]
    public void Parse_RedisHostInCacheParams_IsAWarningNamingTheLine()
    {
        var config = Load("litellm_settings:\n  cache: true\n  cache_params:\n    host: redis.internal\n    shiny: 1\n");

        config.Warnings.Should().Contain(w => w.Contains("config.yaml:4") && w.Contains("cache_params.host") && w.Contains("REDIS_URL"));
        config.Warnings.Should().Contain(w => w.Contains("config.yaml:5") && w.Contains("unknown key 'litellm_settings.cache_params.shiny'"));
    }

    [TestCase("litellm_settings:\n  cache_params:\n    type: s3\n", 3, "cache_params.type")]
    [TestCase("litellm_settings:\n  cache_params:\n    ttl: -1\n", 3, "cache_params.ttl")]
    [TestCase("litellm_settings:\n  cache_params:\n    ttl: 0\n", 3, "cache_params.ttl")]
    [TestCase("litellm_settings:\n  cache_params:\n    ttl: 1e40\n", 3, "cache_params.ttl")]
    [TestCase("litellm_settings:\n  cache_params:\n    supported_call_types: [chat]\n", 3, "cache_params.supported_call_types")]
    [TestCase("litellm_settings:\n  cache_params:\n    max_size_in_memory: 0\n", 3, "cache_params.max_size_in_memory")]
    [TestCase("litellm_settings:\n  cache_params: 5\n", 2, "cache_params")]
    [TestCase("litellm_settings:\n  cache: sometimes\n", 2, "litellm_settings.cache")]
    public void Parse_WrongCacheValue_FailsNamingTheKeyAndLine(string yaml, int line, string key)
    {
        var act = () => Load(yaml);

        act.Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain($"config.yaml:{line}:").And.Contain(key);
    }

    [Test]
    public void Parse_SuccessAndFailureCallbacks_AreKeptApartAndTogether()
    {
        var gateway = Load("litellm_settings:\n  callbacks: [otel]\n  success_callback: [langfuse]\n  failure_callback: [sentry, langfuse]\n").Gateway;

        gateway.Callbacks.Should().Equal("otel", "langfuse", "sentry");
        gateway.SuccessCallbacks.Should().Equal("langfuse");
        gateway.FailureCallbacks.Should().Equal("sentry", "langfuse");
    }
}
