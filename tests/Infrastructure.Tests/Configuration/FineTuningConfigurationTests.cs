using LlmPlatform.Infrastructure.Configuration;

namespace LlmPlatform.Infrastructure.Tests.Configuration;

public sealed class FineTuningConfigurationTests
{
    private static string Config(string general) => $"""
        model_list:
          - model_name: m
            litellm_params:
              model: mock/m
        general_settings:
        {general}
        """;

    [Test]
    public void Parse_WithoutPollSeconds_PollsEveryThirtySeconds()
    {
        var configuration = YamlConfigLoader.Parse(Config("  drain_timeout: 5"), "config.yaml");

        configuration.General.FineTuningPollInterval.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void Parse_WithFractionalPollSeconds_LoadsThemWithoutWarning()
    {
        var configuration = YamlConfigLoader.Parse(Config("  fine_tuning_poll_seconds: 0.5"), "config.yaml");

        configuration.General.FineTuningPollInterval.Should().Be(TimeSpan.FromMilliseconds(500));
        configuration.Warnings.Should().NotContain(w => w.Contains("fine_tuning_poll_seconds", StringComparison.Ordinal));
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("often")]
    public void Parse_WithANonPositivePollInterval_FailsNamingTheKey(string value)
    {
        var act = () => YamlConfigLoader.Parse(Config("  fine_tuning_poll_seconds: " + value), "config.yaml");

        act.Should().Throw<ConfigurationException>().WithMessage("*fine_tuning_poll_seconds*");
    }
}
