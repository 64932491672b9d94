using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Webhooks.CreateWebhook;

namespace LlmPlatform.Application.Tests.Webhooks;

public sealed class CreateWebhookCommandTests
{
    private static readonly CallerIdentity Caller = new() { KeyHash = "hash" };

    private readonly CreateWebhookCommandValidator _validator = new();

    [Test]
    public void ToString_OfACommandWithASecret_DoesNotShowTheSecret()
    {
        var command = new CreateWebhookCommand(Caller, "https://hooks.example/x", ["batch.completed"], "whsec_do-not-print-me");

        command.ToString().Should().NotContain("do-not-print-me").And.Contain("https://hooks.example/x").And.Contain("batch.completed");
    }

    [Test]
    public void Validate_OfAWellFormedCommand_Passes()
    {
        _validator.Validate(new CreateWebhookCommand(Caller, "https://hooks.example/x", ["batch.completed", "key.expiring"], null)).IsValid.Should().BeTrue();
    }

    [TestCase("gopher://hooks.example/x")]
    [TestCase("javascript:alert(1)")]
    [TestCase("hooks.example/x")]
    [TestCase("https://user:pw@hooks.example/x")]
    [TestCase("")]
    public void Validate_OfABadUrl_FailsOnUrl(string url)
    {
        var result = _validator.Validate(new CreateWebhookCommand(Caller, url, ["batch.completed"], null));

        result.IsValid.Should().BeFalse();
        result.Errors[0].PropertyName.Should().Be("Url");
    }

    [Test]
    public void Validate_OfUnknownEvents_NamesEachOnce()
    {
        var result = _validator.Validate(new CreateWebhookCommand(Caller, "https://hooks.example/x", ["payment.failed", "payment.failed", "batch.completed"], null));

        result.Errors.Should().ContainSingle().Which.ErrorMessage.Should().StartWith("Unknown event type(s): payment.failed. Known:");
    }

    [Test]
    public void Validate_OfTheSaasJobEvents_Passes()
    {
        _validator.Validate(new CreateWebhookCommand(Caller, "https://hooks.example/x", ["job.completed", "job.failed"], null)).IsValid.Should().BeTrue();
    }

    [Test]
    public void ToString_OfACommandWithAnAuthHeader_DoesNotShowIt()
    {
        var command = new CreateWebhookCommand(Caller, "https://hooks.example/x", ["job.completed"], null) { TeamId = "t", AuthHeader = "Bearer do-not-print-me" };

        command.ToString().Should().NotContain("do-not-print-me").And.Contain("TeamId = t");
    }

    [TestCase("Bearer token", true)]
    [TestCase("Bearer a\r\nX-Injected: 1", false)]
    [TestCase("", false)]
    public void Validate_OfAnAuthHeader_RefusesEmptyValuesAndControlCharacters(string header, bool valid)
    {
        var command = new CreateWebhookCommand(Caller, "https://hooks.example/x", ["job.completed"], null) { AuthHeader = header };

        _validator.Validate(command).IsValid.Should().Be(valid);
    }
}
