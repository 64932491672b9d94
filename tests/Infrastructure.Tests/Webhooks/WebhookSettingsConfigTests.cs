using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Webhooks;

public sealed class WebhookSettingsConfigTests
{
    [Test]
    public void Parse_OfTheWebhookKeys_FillsTheWebhookSettings()
    {
        var configuration = YamlConfigLoader.Parse("""
            general_settings:
              webhook_allowed_hosts: ["127.0.0.1:8080", "hooks.internal"]
              webhook_retry_base_seconds: 0.5
              webhook_key_expiry_days: 3
              webhook_key_expiry_check_seconds: 60
            """, "config.yaml");

        var webhooks = configuration.General.Webhooks;
        webhooks.AllowedHosts.Should().Equal("127.0.0.1:8080", "hooks.internal");
        webhooks.RetryBaseDelay.Should().Be(TimeSpan.FromSeconds(0.5));
        webhooks.KeyExpiryWarning.Should().Be(TimeSpan.FromDays(3));
        webhooks.KeyExpiryCheckInterval.Should().Be(TimeSpan.FromMinutes(1));
        configuration.Warnings.Should().BeEmpty();
    }

    [Test]
    public void Parse_WithoutWebhookKeys_KeepsTheDefaults()
    {
        var webhooks = YamlConfigLoader.Parse("general_settings:\n  drain_timeout: 5\n", "config.yaml").General.Webhooks;

        webhooks.AllowedHosts.Should().BeEmpty();
        webhooks.RetryBaseDelay.Should().Be(TimeSpan.FromSeconds(10));
        webhooks.RetryWindow.Should().Be(TimeSpan.FromHours(24));
        webhooks.KeyExpiryWarning.Should().Be(TimeSpan.FromDays(7));
    }

    [Test]
    public void Parse_WithAZeroRetryBase_FailsNamingTheKey()
    {
        var act = () => YamlConfigLoader.Parse("general_settings:\n  webhook_retry_base_seconds: 0\n", "config.yaml");

        act.Should().Throw<ConfigurationException>().WithMessage("*webhook_retry_base_seconds*positive*");
    }
}
