using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

/// <summary>The keys of the gateway-user accounts: invites, login limits, and the budget of self-registered users.</summary>
public sealed class UserAccountSettingsTests
{
    private static string Config(string litellm, string general) => $"""
        model_list:
          - model_name: m
            litellm_params:
              model: mock/m
        litellm_settings:
        {litellm}
        general_settings:
        {general}
        """;

    [Test]
    public void Parse_WithoutTheKeys_RegistrationIsOpen_WithTheDefaultLoginLimits_AndNoBudget()
    {
        var configuration = YamlConfigLoader.Parse(Config("  drop_params: true", "  drain_timeout: 5"), "config.yaml");

        configuration.General.Accounts.InviteRequired.Should().BeFalse();
        configuration.General.Accounts.MaxFailuresPerEmail.Should().Be(10);
        configuration.General.Accounts.MaxFailuresPerIp.Should().Be(500);
        configuration.General.Accounts.MaxRegistrationsPerIp.Should().Be(1000);
        configuration.General.TrustedProxies.Should().BeEmpty();
        configuration.General.Accounts.LockoutWindow.Should().Be(TimeSpan.FromMinutes(15));
        configuration.Gateway.MaxInternalUserBudget.Should().BeNull();
    }

    [Test]
    public void Parse_WithTheKeys_LoadsThemWithoutWarning()
    {
        var configuration = YamlConfigLoader.Parse(
            Config(
                "  max_internal_user_budget: 2.5\n  internal_user_budget_duration: 1mo",
                "  invite_required: true\n  login_max_failures_per_email: 0\n  login_max_failures_per_ip: 7\n  login_lockout_seconds: 60\n  register_max_per_ip: 0"),
            "config.yaml");

        configuration.General.Accounts.Should().BeEquivalentTo(new
        {
            InviteRequired = true,
            MaxFailuresPerEmail = 0,
            MaxFailuresPerIp = 7,
            MaxRegistrationsPerIp = 0,
            LockoutWindow = TimeSpan.FromMinutes(1),
        });
        configuration.Gateway.MaxInternalUserBudget.Should().Be(2.5m);
        configuration.Gateway.InternalUserBudgetDuration.Should().Be("1mo");
        configuration.Warnings.Should().BeEmpty();
    }

    [Test]
    public void Parse_TrustedProxies_TakesAddressesAndNetworks()
    {
        var configuration = YamlConfigLoader.Parse(Config("  drop_params: true", "  trusted_proxies: [\"10.0.0.0/8\", \"192.168.1.7\", \"::1\", \"fd00::/8\"]"), "config.yaml");

        configuration.General.TrustedProxies.Select(n => n.ToString()).Should().Equal("10.0.0.0/8", "192.168.1.7/32", "::1/128", "fd00::/8");
        configuration.Warnings.Should().BeEmpty();
    }

    [TestCase("  max_internal_user_budget: -1", "", "max_internal_user_budget")]
    [TestCase("  internal_user_budget_duration: forever", "", "internal_user_budget_duration")]
    [TestCase("  drop_params: true", "  login_max_failures_per_ip: -2", "login_max_failures_per_ip")]
    [TestCase("  drop_params: true", "  login_lockout_seconds: 0", "login_lockout_seconds")]
    [TestCase("  drop_params: true", "  register_max_per_ip: lots", "register_max_per_ip")]
    [TestCase("  drop_params: true", "  invite_required: maybe", "invite_required")]
    [TestCase("  drop_params: true", "  trusted_proxies: [\"10.0.0.0/33\"]", "trusted_proxies")]
    [TestCase("  drop_params: true", "  trusted_proxies: [\"proxy.internal\"]", "trusted_proxies")]
    public void Parse_WithABadValue_FailsNamingTheKey(string litellm, string general, string key)
    {
        var act = () => YamlConfigLoader.Parse(Config(litellm, general.Length == 0 ? "  drain_timeout: 5" : general), "config.yaml");

        act.Should().Throw<ConfigurationException>().WithMessage($"*{key}*");
    }
}
